package org.jdpl.gpu.cpu;

import java.util.HashMap;
import java.util.Map;

import org.jdpl.gpu.CpuKernel;
import org.jdpl.gpu.GpuException;
import org.jdpl.gpu.GpuKernel;
import org.jdpl.gpu.GpuProgram;
import org.jdpl.gpu.KernelProgram;

/** A program of the CPU backend: the Java implementations of its kernels. */
final class CpuProgram implements GpuProgram
{
    private final KernelProgram program;
    private final Map<String, CpuKernelLaunch> kernels = new HashMap<>();

    CpuProgram(final KernelProgram program)
    {
        this.program = program;
    }

    @Override
    public GpuKernel kernel(final String name)
    {
        return kernels.computeIfAbsent(name, this::create);
    }

    private CpuKernelLaunch create(final String name)
    {
        final CpuKernel implementation = program.javaKernels().get(name);
        if (implementation == null)
        {
            throw new GpuException("GPU program '" + program.name() + "' has no Java implementation of kernel '" + name +
                "' for the cpu backend; it has " + program.javaKernels().keySet());
        }
        return new CpuKernelLaunch(name, implementation);
    }

    @Override
    public void close()
    {
        kernels.clear();
    }
}
