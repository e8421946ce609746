package org.jdpl.transport;

import org.agrona.MutableDirectBuffer;

/**
 * Writes a message's header block in front of its payload. {@link #writeHeaderBlock} writes what
 * never changes for one output (once, when the send buffer is made); {@link #stamp} fills in what
 * changes per message. The payload is written by the producer in place at
 * {@link MessageLayout#PAYLOAD_OFFSET}, so the whole message is offered without a second copy.
 */
public final class MessageEncoder
{
    private final DataHeaderFlyweight dataHeader = new DataHeaderFlyweight();
    private final ProcessingHeaderFlyweight processingHeader = new ProcessingHeaderFlyweight();

    private MutableDirectBuffer buffer;
    private int offset;

    public MessageEncoder wrap(final MutableDirectBuffer buffer, final int offset)
    {
        this.buffer = buffer;
        this.offset = offset;
        dataHeader.wrap(buffer, offset + MessageLayout.DATA_HEADER_OFFSET);
        processingHeader.wrap(buffer, offset + MessageLayout.PROCESSING_HEADER_OFFSET);
        final int paddingOffset = MessageLayout.PROCESSING_HEADER_OFFSET + MessageLayout.PROCESSING_HEADER_SIZE;
        buffer.setMemory(offset + paddingOffset, MessageLayout.PAYLOAD_OFFSET - paddingOffset, (byte)0);
        return this;
    }

    /** Writes both headers for messages of {@code origin/description/subSpec}; fields that vary are zero. */
    public MessageEncoder writeHeaderBlock(final String origin, final String description, final long subSpec)
    {
        dataHeader.writeDefaults().dataOrigin(origin).dataDescription(description).subSpecification(subSpec);
        processingHeader.writeDefaults().duration(1);
        return this;
    }

    /** Fills in the per-message fields; the message is then {@code PAYLOAD_OFFSET + payloadSize} bytes long. */
    public MessageEncoder stamp(final long payloadSize, final long timeslice, final long creationEpochMs)
    {
        dataHeader.segmentRef(false).payloadSize(payloadSize).tfCounter((int)timeslice);
        processingHeader.startTime(timeslice).creation(creationEpochMs);
        return this;
    }

    /**
     * Fills in the per-message fields of a message whose payload of {@code sizeBytes} lives in the
     * payload segment at block {@code ref}; the message is then {@link MessageLayout#PAYLOAD_OFFSET}
     * + {@link MessageLayout#SEGMENT_REF_PAYLOAD_BYTES} bytes long. Returns that length.
     */
    public int stampSegmentRef(final long ref, final long sizeBytes, final long timeslice, final long creationEpochMs)
    {
        dataHeader.segmentRef(true).payloadSize(MessageLayout.SEGMENT_REF_PAYLOAD_BYTES).tfCounter((int)timeslice);
        processingHeader.startTime(timeslice).creation(creationEpochMs);
        buffer.putLong(offset + MessageLayout.SEGMENT_REF_OFFSET, ref, java.nio.ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(offset + MessageLayout.SEGMENT_REF_SIZE_OFFSET, sizeBytes, java.nio.ByteOrder.LITTLE_ENDIAN);
        return MessageLayout.PAYLOAD_OFFSET + MessageLayout.SEGMENT_REF_PAYLOAD_BYTES;
    }

    /**
     * Writes an end-of-stream message ({@code DPL/EOS}, no payload); its startTime is how many
     * timeslices the producer sent. Returns the message length.
     */
    public int writeEndOfStream(final long timeslicesSent, final long creationEpochMs)
    {
        writeHeaderBlock(MessageLayout.END_OF_STREAM_ORIGIN, MessageLayout.END_OF_STREAM_DESCRIPTION, 0);
        stamp(0, timeslicesSent, creationEpochMs);
        return MessageLayout.HEADER_BLOCK_SIZE;
    }

    public DataHeaderFlyweight dataHeader()
    {
        return dataHeader;
    }

    public ProcessingHeaderFlyweight processingHeader()
    {
        return processingHeader;
    }
}
