package org.jdpl.gpu.cpu;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import org.jdpl.gpu.GpuBuffer;

/** Host memory standing for GPU memory; a slice shares its parent's memory and frees nothing. */
final class CpuBuffer implements GpuBuffer
{
    private final MemorySegment memory;
    private final Arena arena;

    CpuBuffer(final MemorySegment memory, final Arena arena)
    {
        this.memory = memory;
        this.arena = arena;
    }

    MemorySegment memory()
    {
        return memory;
    }

    @Override
    public long sizeBytes()
    {
        return memory.byteSize();
    }

    @Override
    public GpuBuffer slice(final long offsetBytes, final long sizeBytes)
    {
        return new CpuBuffer(memory.asSlice(offsetBytes, sizeBytes), null);
    }

    @Override
    public void close()
    {
        if (arena != null)
        {
            arena.close();
        }
    }
}
