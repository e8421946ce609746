package org.jdpl.transport;

/**
 * The one place that names where things sit in a jdpl message: O2's DataHeader v3 (96 bytes), then
 * O2's DataProcessingHeader (56 bytes), padded to {@link #PAYLOAD_OFFSET} so that payloads are
 * 32-byte aligned, then the payload. Every multi-byte number is little-endian, as O2 writes it on x86.
 */
public final class MessageLayout
{
    /** {@code O2O2} read as a little-endian int: the bytes 'O','2','O','2'. */
    public static final int MAGIC = 'O' | ('2' << 8) | ('O' << 16) | ('2' << 24);

    public static final int DATA_HEADER_OFFSET = 0;
    public static final int DATA_HEADER_SIZE = 96;
    public static final int DATA_HEADER_VERSION = 3;

    public static final int PROCESSING_HEADER_OFFSET = DATA_HEADER_OFFSET + DATA_HEADER_SIZE;
    public static final int PROCESSING_HEADER_SIZE = 56;
    public static final int PROCESSING_HEADER_VERSION = 1;

    /** Header block size; the payload starts here. */
    public static final int PAYLOAD_OFFSET = 160;
    public static final int HEADER_BLOCK_SIZE = PAYLOAD_OFFSET;
    public static final int PAYLOAD_ALIGNMENT = 32;

    /**
     * The in-message payload of a segment-backed message: the block reference (a long) and the
     * payload's size in bytes (a long), at {@link #PAYLOAD_OFFSET}.
     */
    public static final int SEGMENT_REF_PAYLOAD_BYTES = 16;
    public static final int SEGMENT_REF_OFFSET = PAYLOAD_OFFSET;
    public static final int SEGMENT_REF_SIZE_OFFSET = PAYLOAD_OFFSET + 8;

    /** BaseHeader flag bit 0: another header follows this one. */
    public static final int FLAG_NEXT_HEADER = 1;

    /** Origin and description of the end-of-stream message. */
    public static final String END_OF_STREAM_ORIGIN = "DPL";
    public static final String END_OF_STREAM_DESCRIPTION = "EOS";

    static
    {
        if (PROCESSING_HEADER_OFFSET + PROCESSING_HEADER_SIZE > PAYLOAD_OFFSET || PAYLOAD_OFFSET % PAYLOAD_ALIGNMENT != 0)
        {
            throw new IllegalStateException("inconsistent message layout");
        }
    }

    private MessageLayout()
    {
    }
}
