package org.jdpl.gpu.opencl;

import java.lang.foreign.MemorySegment;

import org.jdpl.gpu.GpuBuffer;
import org.jdpl.gpu.GpuException;

/** A {@code cl_mem}: a whole allocation, or a sub-buffer of one (which frees no memory of its own). */
final class OpenClBuffer implements GpuBuffer
{
    private final ClCalls calls;
    private final MemorySegment mem;
    private final long sizeBytes;
    private final long alignmentBytes;
    private boolean closed;

    OpenClBuffer(final ClCalls calls, final MemorySegment mem, final long sizeBytes, final long alignmentBytes)
    {
        this.calls = calls;
        this.mem = mem;
        this.sizeBytes = sizeBytes;
        this.alignmentBytes = alignmentBytes;
    }

    MemorySegment mem()
    {
        return mem;
    }

    @Override
    public long sizeBytes()
    {
        return sizeBytes;
    }

    @Override
    public GpuBuffer slice(final long offsetBytes, final long sliceBytes)
    {
        if (offsetBytes % alignmentBytes != 0 || offsetBytes < 0 || sliceBytes <= 0 || offsetBytes + sliceBytes > sizeBytes)
        {
            throw new GpuException("cannot slice " + sliceBytes + " bytes at offset " + offsetBytes + " of a " + sizeBytes +
                "-byte GPU buffer (offsets must be multiples of " + alignmentBytes + ")");
        }
        return new OpenClBuffer(calls, calls.createSubBuffer(mem, offsetBytes, sliceBytes), sliceBytes, alignmentBytes);
    }

    @Override
    public void close()
    {
        if (!closed)
        {
            closed = true;
            calls.releaseMem(mem);
        }
    }
}
