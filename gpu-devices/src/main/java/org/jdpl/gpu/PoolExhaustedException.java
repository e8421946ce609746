package org.jdpl.gpu;

/** A timeframe needs more GPU memory than the pool holds; names both sizes and the fix. */
public final class PoolExhaustedException extends GpuException
{
    private final long neededBytes;
    private final long poolBytes;

    PoolExhaustedException(final String what, final long timeslice, final long neededBytes, final long poolBytes)
    {
        super("timeframe " + (timeslice < 0 ? "?" : Long.toString(timeslice)) + " needs at least " + neededBytes +
            " bytes of GPU memory (failed at '" + what + "') but the GPU memory pool holds " + poolBytes +
            " bytes; raise gpu.memory to at least " + neededBytes + " bytes, or send smaller timeframes");
        this.neededBytes = neededBytes;
        this.poolBytes = poolBytes;
    }

    public long neededBytes()
    {
        return neededBytes;
    }

    public long poolBytes()
    {
        return poolBytes;
    }
}
