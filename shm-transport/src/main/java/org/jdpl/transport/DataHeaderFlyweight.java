package org.jdpl.transport;

import static org.jdpl.transport.BaseHeaderFields.ORDER;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * O2's DataHeader v3 over a buffer, byte for byte: a BaseHeader ({@code O2O2}, size 96, version 3,
 * description {@code DataHead}) then what the message is (description, origin, subSpec), how big its
 * payload is and which timeframe it belongs to. A flyweight: wrap, read or write, no allocation
 * except in the String getters.
 */
public final class DataHeaderFlyweight
{
    public static final String HEADER_DESCRIPTION = "DataHead";
    public static final String SERIALIZATION_NONE = "NONE";
    /** Serialization of a message whose payload lives in the payload segment: the in-message payload is a reference. */
    public static final String SERIALIZATION_SEGMENT_REF = "SHMREF";
    private static final long RAW_NONE = rawChars(SERIALIZATION_NONE, 0, 8);
    private static final long RAW_SEGMENT_REF = rawChars(SERIALIZATION_SEGMENT_REF, 0, 8);

    public static final int DATA_DESCRIPTION_OFFSET = 32;
    public static final int DATA_DESCRIPTION_LENGTH = 16;
    public static final int DATA_ORIGIN_OFFSET = 48;
    public static final int DATA_ORIGIN_LENGTH = 4;
    public static final int SPLIT_PAYLOAD_PARTS_OFFSET = 52;
    public static final int PAYLOAD_SERIALIZATION_OFFSET = 56;
    public static final int PAYLOAD_SERIALIZATION_LENGTH = 8;
    public static final int SUB_SPECIFICATION_OFFSET = 64;
    public static final int SPLIT_PAYLOAD_INDEX_OFFSET = 68;
    public static final int PAYLOAD_SIZE_OFFSET = 72;
    public static final int FIRST_TF_ORBIT_OFFSET = 80;
    public static final int TF_COUNTER_OFFSET = 84;
    public static final int RUN_NUMBER_OFFSET = 88;

    private DirectBuffer buffer;
    private MutableDirectBuffer mutable;
    private int offset;

    /** Wraps a buffer to read and write. */
    public DataHeaderFlyweight wrap(final MutableDirectBuffer buffer, final int offset)
    {
        this.buffer = buffer;
        this.mutable = buffer;
        this.offset = offset;
        return this;
    }

    /** Wraps a buffer to read only (as Aeron hands it to a fragment handler); setters then fail. */
    public DataHeaderFlyweight wrapForRead(final DirectBuffer buffer, final int offset)
    {
        this.buffer = buffer;
        this.mutable = null;
        this.offset = offset;
        return this;
    }

    /**
     * Writes the fixed part (BaseHeader, one split part, serialization NONE) and zeroes the rest;
     * the "next header" flag is set because the processing header follows.
     */
    public DataHeaderFlyweight writeDefaults()
    {
        mutable.setMemory(offset, MessageLayout.DATA_HEADER_SIZE, (byte)0);
        BaseHeaderFields.write(
            mutable, offset, MessageLayout.DATA_HEADER_SIZE, MessageLayout.FLAG_NEXT_HEADER,
            MessageLayout.DATA_HEADER_VERSION, HEADER_DESCRIPTION);
        mutable.putInt(offset + SPLIT_PAYLOAD_PARTS_OFFSET, 1, ORDER);
        BaseHeaderFields.putPadded(mutable, offset + PAYLOAD_SERIALIZATION_OFFSET, SERIALIZATION_NONE, PAYLOAD_SERIALIZATION_LENGTH);
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

    public int flags()
    {
        return buffer.getInt(offset + BaseHeaderFields.FLAGS_OFFSET, ORDER);
    }

    public int headerVersion()
    {
        return buffer.getInt(offset + BaseHeaderFields.HEADER_VERSION_OFFSET, ORDER);
    }

    public DataHeaderFlyweight dataDescription(final String description)
    {
        BaseHeaderFields.putPadded(mutable, offset + DATA_DESCRIPTION_OFFSET, description, DATA_DESCRIPTION_LENGTH);
        return this;
    }

    public String dataDescription()
    {
        return BaseHeaderFields.getPadded(buffer, offset + DATA_DESCRIPTION_OFFSET, DATA_DESCRIPTION_LENGTH);
    }

    public DataHeaderFlyweight dataOrigin(final String origin)
    {
        BaseHeaderFields.putPadded(mutable, offset + DATA_ORIGIN_OFFSET, origin, DATA_ORIGIN_LENGTH);
        return this;
    }

    public String dataOrigin()
    {
        return BaseHeaderFields.getPadded(buffer, offset + DATA_ORIGIN_OFFSET, DATA_ORIGIN_LENGTH);
    }

    /** The origin's 4 bytes as one little-endian int, for allocation-free matching. */
    public int dataOriginRaw()
    {
        return buffer.getInt(offset + DATA_ORIGIN_OFFSET, ORDER);
    }

    /** Bytes 0..7 of the description as a little-endian long, for allocation-free matching. */
    public long dataDescriptionRawLow()
    {
        return buffer.getLong(offset + DATA_DESCRIPTION_OFFSET, ORDER);
    }

    /** Bytes 8..15 of the description as a little-endian long. */
    public long dataDescriptionRawHigh()
    {
        return buffer.getLong(offset + DATA_DESCRIPTION_OFFSET + 8, ORDER);
    }

    /** Unsigned 32-bit subSpec. */
    public long subSpecification()
    {
        return buffer.getInt(offset + SUB_SPECIFICATION_OFFSET, ORDER) & 0xFFFF_FFFFL;
    }

    public DataHeaderFlyweight subSpecification(final long subSpec)
    {
        mutable.putInt(offset + SUB_SPECIFICATION_OFFSET, (int)subSpec, ORDER);
        return this;
    }

    public int splitPayloadParts()
    {
        return buffer.getInt(offset + SPLIT_PAYLOAD_PARTS_OFFSET, ORDER);
    }

    public int splitPayloadIndex()
    {
        return buffer.getInt(offset + SPLIT_PAYLOAD_INDEX_OFFSET, ORDER);
    }

    /**
     * Marks this message as part {@code index} of {@code parts} of one payload (as O2 splits
     * payloads): a payload too large for one message crosses hosts in consecutive parts.
     */
    public DataHeaderFlyweight splitPayload(final int parts, final int index)
    {
        mutable.putInt(offset + SPLIT_PAYLOAD_PARTS_OFFSET, parts, ORDER);
        mutable.putInt(offset + SPLIT_PAYLOAD_INDEX_OFFSET, index, ORDER);
        return this;
    }

    public String payloadSerializationMethod()
    {
        return BaseHeaderFields.getPadded(buffer, offset + PAYLOAD_SERIALIZATION_OFFSET, PAYLOAD_SERIALIZATION_LENGTH);
    }

    /**
     * Whether the payload lives in the payload segment ({@value #SERIALIZATION_SEGMENT_REF}): the
     * message then carries {@link MessageLayout#SEGMENT_REF_PAYLOAD_BYTES} bytes, the block reference
     * and the payload's true size. No allocation.
     */
    public boolean isSegmentRef()
    {
        return buffer.getLong(offset + PAYLOAD_SERIALIZATION_OFFSET, ORDER) == RAW_SEGMENT_REF;
    }

    /** Marks the payload as a segment reference, or as inline bytes ({@value #SERIALIZATION_NONE}). */
    public DataHeaderFlyweight segmentRef(final boolean segmentRef)
    {
        mutable.putLong(offset + PAYLOAD_SERIALIZATION_OFFSET, segmentRef ? RAW_SEGMENT_REF : RAW_NONE, ORDER);
        return this;
    }

    public long payloadSize()
    {
        return buffer.getLong(offset + PAYLOAD_SIZE_OFFSET, ORDER);
    }

    public DataHeaderFlyweight payloadSize(final long sizeBytes)
    {
        mutable.putLong(offset + PAYLOAD_SIZE_OFFSET, sizeBytes, ORDER);
        return this;
    }

    public int firstTForbit()
    {
        return buffer.getInt(offset + FIRST_TF_ORBIT_OFFSET, ORDER);
    }

    public DataHeaderFlyweight firstTForbit(final int orbit)
    {
        mutable.putInt(offset + FIRST_TF_ORBIT_OFFSET, orbit, ORDER);
        return this;
    }

    public int tfCounter()
    {
        return buffer.getInt(offset + TF_COUNTER_OFFSET, ORDER);
    }

    public DataHeaderFlyweight tfCounter(final int counter)
    {
        mutable.putInt(offset + TF_COUNTER_OFFSET, counter, ORDER);
        return this;
    }

    public int runNumber()
    {
        return buffer.getInt(offset + RUN_NUMBER_OFFSET, ORDER);
    }

    public DataHeaderFlyweight runNumber(final int run)
    {
        mutable.putInt(offset + RUN_NUMBER_OFFSET, run, ORDER);
        return this;
    }

    /** Whether this header names the end-of-stream message ({@code DPL/EOS}); no allocation. */
    public boolean isEndOfStream()
    {
        return BaseHeaderFields.paddedEquals(buffer, offset + DATA_ORIGIN_OFFSET, MessageLayout.END_OF_STREAM_ORIGIN, DATA_ORIGIN_LENGTH) &&
            BaseHeaderFields.paddedEquals(
                buffer, offset + DATA_DESCRIPTION_OFFSET, MessageLayout.END_OF_STREAM_DESCRIPTION, DATA_DESCRIPTION_LENGTH);
    }

    /** The raw int {@link #dataOriginRaw()} returns for {@code origin}. */
    public static int rawOrigin(final String origin)
    {
        return (int)rawChars(origin, 0, DATA_ORIGIN_LENGTH);
    }

    /** The raw long {@link #dataDescriptionRawLow()} returns for {@code description}. */
    public static long rawDescriptionLow(final String description)
    {
        return rawChars(description, 0, 8);
    }

    /** The raw long {@link #dataDescriptionRawHigh()} returns for {@code description}. */
    public static long rawDescriptionHigh(final String description)
    {
        return rawChars(description, 8, 8);
    }

    private static long rawChars(final String text, final int from, final int count)
    {
        long raw = 0;
        for (int i = 0; i < count; i++)
        {
            final int index = from + i;
            final long b = index < text.length() ? text.charAt(index) & 0xFF : 0;
            raw |= b << (8 * i);
        }
        return raw;
    }

    /** Reads the description as text; for tools and error messages. */
    public static String describe(final DirectBuffer buffer, final int offset)
    {
        return BaseHeaderFields.getPadded(buffer, offset + DATA_ORIGIN_OFFSET, DATA_ORIGIN_LENGTH) + "/" +
            BaseHeaderFields.getPadded(buffer, offset + DATA_DESCRIPTION_OFFSET, DATA_DESCRIPTION_LENGTH) + "/" +
            (buffer.getInt(offset + SUB_SPECIFICATION_OFFSET, ORDER) & 0xFFFF_FFFFL);
    }
}
