package org.jdpl.gpu.cpu;

import java.lang.foreign.MemorySegment;

import org.jdpl.gpu.CpuKernel;
import org.jdpl.gpu.CpuKernelArgs;
import org.jdpl.gpu.GpuBuffer;
import org.jdpl.gpu.GpuException;
import org.jdpl.gpu.GpuKernel;

/** A kernel of the CPU backend: its Java implementation and the arguments set on it. */
final class CpuKernelLaunch implements GpuKernel, CpuKernelArgs
{
    private static final int MAX_ARGS = 32;

    private final String name;
    private final CpuKernel implementation;
    private final MemorySegment[] buffers = new MemorySegment[MAX_ARGS];
    private final int[] ints = new int[MAX_ARGS];
    private final float[] floats = new float[MAX_ARGS];

    CpuKernelLaunch(final String name, final CpuKernel implementation)
    {
        this.name = name;
        this.implementation = implementation;
    }

    void run(final long globalSize)
    {
        implementation.run(globalSize, this);
    }

    @Override
    public String name()
    {
        return name;
    }

    @Override
    public GpuKernel arg(final int index, final GpuBuffer buffer)
    {
        buffers[check(index)] = ((CpuBuffer)buffer).memory();
        return this;
    }

    @Override
    public GpuKernel arg(final int index, final int value)
    {
        ints[check(index)] = value;
        return this;
    }

    @Override
    public GpuKernel arg(final int index, final float value)
    {
        floats[check(index)] = value;
        return this;
    }

    @Override
    public MemorySegment buffer(final int index)
    {
        final MemorySegment buffer = buffers[index];
        if (buffer == null)
        {
            throw new GpuException("kernel '" + name + "': argument " + index + " is not set to a buffer");
        }
        return buffer;
    }

    @Override
    public int intArg(final int index)
    {
        return ints[index];
    }

    @Override
    public float floatArg(final int index)
    {
        return floats[index];
    }

    private int check(final int index)
    {
        if (index < 0 || index >= MAX_ARGS)
        {
            throw new GpuException("kernel '" + name + "': argument index " + index + " out of range 0.." + (MAX_ARGS - 1));
        }
        return index;
    }
}
