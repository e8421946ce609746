package org.jdpl.gpu.cuda;

import org.jdpl.gpu.GpuBuffer;
import org.jdpl.gpu.GpuException;

/** A device pointer and a size; slices are plain pointer offsets and free nothing. */
final class CudaBuffer implements GpuBuffer
{
    private final CudaContext owner;
    private final long pointer;
    private final long sizeBytes;
    private final boolean owning;
    private boolean closed;

    CudaBuffer(final CudaContext owner, final long pointer, final long sizeBytes, final boolean owning)
    {
        this.owner = owner;
        this.pointer = pointer;
        this.sizeBytes = sizeBytes;
        this.owning = owning;
    }

    long pointer()
    {
        return pointer;
    }

    @Override
    public long sizeBytes()
    {
        return sizeBytes;
    }

    @Override
    public GpuBuffer slice(final long offsetBytes, final long sliceBytes)
    {
        if (offsetBytes % owner.alignmentBytes() != 0 || offsetBytes < 0 || sliceBytes <= 0 || offsetBytes + sliceBytes > sizeBytes)
        {
            throw new GpuException("cannot slice " + sliceBytes + " bytes at offset " + offsetBytes + " of a " + sizeBytes +
                "-byte GPU buffer (offsets must be multiples of " + owner.alignmentBytes() + ")");
        }
        return new CudaBuffer(owner, pointer + offsetBytes, sliceBytes, false);
    }

    @Override
    public void close()
    {
        if (owning && !closed)
        {
            closed = true;
            owner.free(pointer);
        }
    }
}
