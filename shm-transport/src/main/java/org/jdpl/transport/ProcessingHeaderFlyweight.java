package org.jdpl.transport;

import static org.jdpl.transport.BaseHeaderFields.ORDER;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * O2's DataProcessingHeader over a buffer: a BaseHeader ({@code O2O2}, size 56, version 1,
 * description {@code DataFlow}) then startTime (the timeslice id), duration and creation time
 * (epoch ms). It sits right after the DataHeader, at {@link MessageLayout#PROCESSING_HEADER_OFFSET}.
 */
public final class ProcessingHeaderFlyweight
{
    public static final String HEADER_DESCRIPTION = "DataFlow";

    public static final int START_TIME_OFFSET = 32;
    public static final int DURATION_OFFSET = 40;
    public static final int CREATION_OFFSET = 48;

    private DirectBuffer buffer;
    private MutableDirectBuffer mutable;
    private int offset;

    /** Wraps a buffer to read and write. */
    public ProcessingHeaderFlyweight wrap(final MutableDirectBuffer buffer, final int offset)
    {
        this.buffer = buffer;
        this.mutable = buffer;
        this.offset = offset;
        return this;
    }

    /** Wraps a buffer to read only (as Aeron hands it to a fragment handler); setters then fail. */
    public ProcessingHeaderFlyweight wrapForRead(final DirectBuffer buffer, final int offset)
    {
        this.buffer = buffer;
        this.mutable = null;
        this.offset = offset;
        return this;
    }

    /** Writes the BaseHeader (no header follows) and zeroes the fields. */
    public ProcessingHeaderFlyweight writeDefaults()
    {
        mutable.setMemory(offset, MessageLayout.PROCESSING_HEADER_SIZE, (byte)0);
        BaseHeaderFields.write(
            mutable, offset, MessageLayout.PROCESSING_HEADER_SIZE, 0, MessageLayout.PROCESSING_HEADER_VERSION, HEADER_DESCRIPTION);
        return this;
    }

    public int magic()
    {
        return buffer.getInt(offset + BaseHeaderFields.MAGIC_OFFSET, ORDER);
    }

    public int headerSize()
    {
        return buffer.getInt(offset + BaseHeaderFields.HEADER_SIZE_OFFSET, ORDER);
    }

    public int headerVersion()
    {
        return buffer.getInt(offset + BaseHeaderFields.HEADER_VERSION_OFFSET, ORDER);
    }

    /** The timeslice id (O2 calls it startTime). */
    public long startTime()
    {
        return buffer.getLong(offset + START_TIME_OFFSET, ORDER);
    }

    public ProcessingHeaderFlyweight startTime(final long timeslice)
    {
        mutable.putLong(offset + START_TIME_OFFSET, timeslice, ORDER);
        return this;
    }

    public long duration()
    {
        return buffer.getLong(offset + DURATION_OFFSET, ORDER);
    }

    public ProcessingHeaderFlyweight duration(final long duration)
    {
        mutable.putLong(offset + DURATION_OFFSET, duration, ORDER);
        return this;
    }

    /** Creation time, epoch milliseconds. */
    public long creation()
    {
        return buffer.getLong(offset + CREATION_OFFSET, ORDER);
    }

    public ProcessingHeaderFlyweight creation(final long epochMs)
    {
        mutable.putLong(offset + CREATION_OFFSET, epochMs, ORDER);
        return this;
    }
}
