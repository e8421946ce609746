package org.jdpl.gpu.opencl;

import java.lang.foreign.MemorySegment;

import org.jdpl.gpu.GpuBuffer;
import org.jdpl.gpu.GpuKernel;

/** A {@code cl_kernel}; arguments go straight to {@code clSetKernelArg}. */
final class OpenClKernel implements GpuKernel
{
    private final ClCalls calls;
    private final MemorySegment kernel;
    private final String name;

    OpenClKernel(final ClCalls calls, final MemorySegment kernel, final String name)
    {
        this.calls = calls;
        this.kernel = kernel;
        this.name = name;
    }

    MemorySegment handle()
    {
        return kernel;
    }

    @Override
    public String name()
    {
        return name;
    }

    @Override
    public GpuKernel arg(final int index, final GpuBuffer buffer)
    {
        calls.setArg(kernel, name, index, ((OpenClBuffer)buffer).mem());
        return this;
    }

    @Override
    public GpuKernel arg(final int index, final int value)
    {
        calls.setArg(kernel, name, index, value);
        return this;
    }

    @Override
    public GpuKernel arg(final int index, final float value)
    {
        calls.setArg(kernel, name, index, value);
        return this;
    }
}
