package org.jdpl.gpu.cpu;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import org.jdpl.gpu.GpuBuffer;
import org.jdpl.gpu.GpuException;

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
    public GpuBuffer slice(final long offsetBytes, final long sliceBytes)
    {
        // Refused as the GPU backends refuse it, so code that runs here runs there.
        if (offsetBytes % CpuContext.ALIGNMENT_BYTES != 0 || offsetBytes < 0 || sliceBytes <= 0 ||
            offsetBytes + sliceBytes > memory.byteSize())
        {
            throw new GpuException("cannot slice " + sliceBytes + " bytes at offset " + offsetBytes + " of a " + memory.byteSize() +
                "-byte GPU buffer (offsets must be multiples of " + CpuContext.ALIGNMENT_BYTES + ")");
        }
        return new CpuBuffer(memory.asSlice(offsetBytes, sliceBytes), null);
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
