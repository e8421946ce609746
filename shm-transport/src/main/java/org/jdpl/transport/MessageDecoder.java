package org.jdpl.transport;

import org.agrona.DirectBuffer;

/**
 * Checks a received message before anyone reads it: a corrupt or foreign message yields a
 * {@link WireError}, never an exception, so a receiver can count it and drop it. After
 * {@link #check} returns {@link WireError#NONE}, {@link #dataHeader()} and {@link #processingHeader()}
 * are wrapped over the message and the payload is {@link #payloadSize()} bytes at
 * {@code offset + MessageLayout.PAYLOAD_OFFSET}.
 */
public final class MessageDecoder
{
    private final DataHeaderFlyweight dataHeader = new DataHeaderFlyweight();
    private final ProcessingHeaderFlyweight processingHeader = new ProcessingHeaderFlyweight();

    public WireError check(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < MessageLayout.HEADER_BLOCK_SIZE || offset < 0 || offset + length > buffer.capacity())
        {
            return WireError.TRUNCATED;
        }
        dataHeader.wrapForRead(buffer, offset + MessageLayout.DATA_HEADER_OFFSET);
        if (dataHeader.magic() != MessageLayout.MAGIC)
        {
            return WireError.BAD_MAGIC;
        }
        if (dataHeader.headerSize() != MessageLayout.DATA_HEADER_SIZE)
        {
            return WireError.BAD_DATA_HEADER_SIZE;
        }
        if (dataHeader.headerVersion() != MessageLayout.DATA_HEADER_VERSION)
        {
            return WireError.BAD_DATA_HEADER_VERSION;
        }
        if ((dataHeader.flags() & MessageLayout.FLAG_NEXT_HEADER) == 0)
        {
            return WireError.NO_PROCESSING_HEADER;
        }
        processingHeader.wrapForRead(buffer, offset + MessageLayout.PROCESSING_HEADER_OFFSET);
        if (processingHeader.magic() != MessageLayout.MAGIC ||
            processingHeader.headerSize() != MessageLayout.PROCESSING_HEADER_SIZE ||
            processingHeader.headerVersion() != MessageLayout.PROCESSING_HEADER_VERSION)
        {
            return WireError.BAD_PROCESSING_HEADER;
        }
        final long payloadSize = dataHeader.payloadSize();
        if (payloadSize < 0 || payloadSize > length - MessageLayout.PAYLOAD_OFFSET)
        {
            return WireError.BAD_PAYLOAD_SIZE;
        }
        if (dataHeader.isSegmentRef() && payloadSize != MessageLayout.SEGMENT_REF_PAYLOAD_BYTES)
        {
            return WireError.BAD_PAYLOAD_SIZE;
        }
        return WireError.NONE;
    }

    /** The block reference of the last checked message, when {@code dataHeader().isSegmentRef()}. */
    public static long segmentRef(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + MessageLayout.SEGMENT_REF_OFFSET, java.nio.ByteOrder.LITTLE_ENDIAN);
    }

    /** The true payload size of a segment-backed message. */
    public static long segmentPayloadSize(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + MessageLayout.SEGMENT_REF_SIZE_OFFSET, java.nio.ByteOrder.LITTLE_ENDIAN);
    }

    public DataHeaderFlyweight dataHeader()
    {
        return dataHeader;
    }

    public ProcessingHeaderFlyweight processingHeader()
    {
        return processingHeader;
    }

    /** The payload size of the last checked message (an int: it fitted in the message). */
    public int payloadSize()
    {
        return (int)dataHeader.payloadSize();
    }
}
