package org.jdpl.gpu;

/**
 * Memory on a GPU: a whole allocation or a slice of one (as handed out by {@link GpuMemoryPool}).
 * Closing a slice never frees its parent's memory.
 */
public interface GpuBuffer extends AutoCloseable
{
    long sizeBytes();

    /**
     * A view of {@code sizeBytes} bytes from {@code offsetBytes}; the offset must be a multiple of
     * {@link GpuContext#alignmentBytes()}. The caller closes the slice before its parent.
     */
    GpuBuffer slice(long offsetBytes, long sizeBytes);

    @Override
    void close();
}
