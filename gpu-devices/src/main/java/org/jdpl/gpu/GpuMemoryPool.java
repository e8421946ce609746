package org.jdpl.gpu;

import java.util.ArrayList;
import java.util.List;

/**
 * The GPU memory of one GPU device: allocated once at start ({@code gpu.memory} bytes), handed out
 * in aligned slices while a timeframe is processed, and {@link #reset()} after it. Handing out is
 * a bump of an offset, so a timeframe allocates no GPU memory; a timeframe that does not fit is a
 * {@link PoolExhaustedException} naming both sizes.
 */
public final class GpuMemoryPool implements AutoCloseable
{
    private final GpuBuffer memory;
    private final long alignmentBytes;
    private final List<GpuBuffer> slices = new ArrayList<>();
    private long usedBytes;
    private long highWaterBytes;
    private long timeslice = -1;

    /** Allocates {@code sizeBytes} on {@code context}; the pool is closed before the context. */
    public GpuMemoryPool(final GpuContext context, final long sizeBytes)
    {
        if (sizeBytes <= 0 || sizeBytes > context.memoryBytes())
        {
            throw new GpuException("gpu.memory = " + sizeBytes + " bytes does not fit " + context.deviceName() + " (" +
                context.memoryBytes() + " bytes of memory); choose a size between 1 and " + context.memoryBytes());
        }
        this.memory = context.allocate(sizeBytes);
        this.alignmentBytes = context.alignmentBytes();
    }

    /** Marks the start of a timeframe, for messages; the pool must be empty. */
    public void begin(final long timeslice)
    {
        if (usedBytes != 0)
        {
            throw new IllegalStateException("GPU memory pool not reset after timeframe " + this.timeslice);
        }
        this.timeslice = timeslice;
    }

    /**
     * A slice of {@code sizeBytes} for this timeframe, valid until {@link #reset()}.
     *
     * @param what names the data, for the message when the timeframe does not fit
     * @throws PoolExhaustedException when the timeframe needs more than the pool holds
     */
    public GpuBuffer take(final long sizeBytes, final String what)
    {
        final long offset = alignUp(usedBytes, alignmentBytes);
        final long end = offset + Math.max(sizeBytes, 1);
        if (end > memory.sizeBytes())
        {
            throw new PoolExhaustedException(what, timeslice, end, memory.sizeBytes());
        }
        final GpuBuffer slice = memory.slice(offset, Math.max(sizeBytes, 1));
        slices.add(slice);
        usedBytes = end;
        highWaterBytes = Math.max(highWaterBytes, end);
        return slice;
    }

    /** Returns every slice of the timeframe to the pool. */
    public void reset()
    {
        for (int i = slices.size() - 1; i >= 0; i--)
        {
            slices.get(i).close();
        }
        slices.clear();
        usedBytes = 0;
        timeslice = -1;
    }

    public long sizeBytes()
    {
        return memory.sizeBytes();
    }

    public long usedBytes()
    {
        return usedBytes;
    }

    /** The most the next {@link #take} can have: what is left after aligning. */
    public long freeBytes()
    {
        return Math.max(0, memory.sizeBytes() - alignUp(usedBytes, alignmentBytes));
    }

    /** The most any one timeframe has used, alignment included. */
    public long highWaterBytes()
    {
        return highWaterBytes;
    }

    @Override
    public void close()
    {
        reset();
        memory.close();
    }

    static long alignUp(final long value, final long alignment)
    {
        return (value + alignment - 1) / alignment * alignment;
    }
}
