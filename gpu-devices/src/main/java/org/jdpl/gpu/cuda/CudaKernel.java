package org.jdpl.gpu.cuda;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import org.jdpl.gpu.GpuBuffer;
import org.jdpl.gpu.GpuException;
import org.jdpl.gpu.GpuKernel;

/**
 * A {@code CUfunction} with its argument block: {@code cuLaunchKernel} takes an array of pointers
 * to argument values, so each argument has an 8-byte slot and the pointer array is built once.
 */
final class CudaKernel implements GpuKernel
{
    private static final int MAX_ARGS = 32;

    private final MemorySegment function;
    private final String name;
    private final MemorySegment values;
    private final MemorySegment pointers;

    CudaKernel(final Arena arena, final MemorySegment function, final String name)
    {
        this.function = function;
        this.name = name;
        this.values = arena.allocate(JAVA_LONG, MAX_ARGS);
        this.pointers = arena.allocate(ADDRESS, MAX_ARGS);
        for (int i = 0; i < MAX_ARGS; i++)
        {
            pointers.setAtIndex(ADDRESS, i, values.asSlice(i * JAVA_LONG.byteSize(), JAVA_LONG.byteSize()));
        }
    }

    MemorySegment function()
    {
        return function;
    }

    /** The {@code void** kernelParams} of {@code cuLaunchKernel}. */
    MemorySegment parameters()
    {
        return pointers;
    }

    @Override
    public String name()
    {
        return name;
    }

    @Override
    public GpuKernel arg(final int index, final GpuBuffer buffer)
    {
        values.setAtIndex(JAVA_LONG, check(index), ((CudaBuffer)buffer).pointer());
        return this;
    }

    @Override
    public GpuKernel arg(final int index, final int value)
    {
        values.set(JAVA_INT, check(index) * JAVA_LONG.byteSize(), value);
        return this;
    }

    @Override
    public GpuKernel arg(final int index, final float value)
    {
        values.set(JAVA_FLOAT, check(index) * JAVA_LONG.byteSize(), value);
        return this;
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
