package org.jdpl.devices.builtin;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * The test payload of the built-in devices, verifiable by whoever receives it: the timeslice id
 * (8 bytes), a checksum of the body (8 bytes), then a body of bytes derived from the timeslice id
 * alone. A receiver checks the checksum and regenerates the body, so any damage, misrouting or
 * mix-up of timeslices shows.
 */
public final class PayloadPattern
{
    public static final int MIN_BYTES = 16;
    public static final int OK = 0;
    public static final int TOO_SHORT = 1;
    public static final int BAD_CHECKSUM = 2;
    public static final int BAD_BODY = 3;

    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final int TIMESLICE_OFFSET = 0;
    private static final int CHECKSUM_OFFSET = 8;
    private static final int BODY_OFFSET = 16;
    private static final long CHECKSUM_SEED = 0xCBF2_9CE4_8422_2325L;

    private PayloadPattern()
    {
    }

    /** Fills all of {@code payload} (at least {@link #MIN_BYTES}) for {@code timeslice}. */
    public static void fill(final MemorySegment payload, final long timeslice)
    {
        final long size = payload.byteSize();
        if (size < MIN_BYTES)
        {
            throw new IllegalArgumentException("a pattern payload needs at least " + MIN_BYTES + " bytes, not " + size);
        }
        long checksum = CHECKSUM_SEED;
        long word = 0;
        long index = 0;
        long offset = BODY_OFFSET;
        for (; offset + Long.BYTES <= size; offset += Long.BYTES)
        {
            word = bodyWord(timeslice, index++);
            payload.set(LONG, offset, word);
            checksum = fold(checksum, word);
        }
        if (offset < size)
        {
            word = bodyWord(timeslice, index);
            long tail = 0;
            for (int i = 0; offset + i < size; i++)
            {
                final byte b = (byte)(word >>> (8 * i));
                payload.set(ValueLayout.JAVA_BYTE, offset + i, b);
                tail |= (b & 0xFFL) << (8 * i);
            }
            checksum = fold(checksum, tail);
        }
        payload.set(LONG, TIMESLICE_OFFSET, timeslice);
        payload.set(LONG, CHECKSUM_OFFSET, checksum);
    }

    /** The timeslice id the payload says it belongs to. */
    public static long timesliceOf(final MemorySegment payload)
    {
        return payload.get(LONG, TIMESLICE_OFFSET);
    }

    /** {@link #OK}, or which check failed. */
    public static int verify(final MemorySegment payload)
    {
        final long size = payload.byteSize();
        if (size < MIN_BYTES)
        {
            return TOO_SHORT;
        }
        final long timeslice = payload.get(LONG, TIMESLICE_OFFSET);
        long checksum = CHECKSUM_SEED;
        boolean bodyIntact = true;
        long index = 0;
        long offset = BODY_OFFSET;
        for (; offset + Long.BYTES <= size; offset += Long.BYTES)
        {
            final long word = payload.get(LONG, offset);
            bodyIntact &= word == bodyWord(timeslice, index++);
            checksum = fold(checksum, word);
        }
        if (offset < size)
        {
            final long expected = bodyWord(timeslice, index);
            long tail = 0;
            for (int i = 0; offset + i < size; i++)
            {
                final byte b = payload.get(ValueLayout.JAVA_BYTE, offset + i);
                bodyIntact &= b == (byte)(expected >>> (8 * i));
                tail |= (b & 0xFFL) << (8 * i);
            }
            checksum = fold(checksum, tail);
        }
        if (checksum != payload.get(LONG, CHECKSUM_OFFSET))
        {
            return BAD_CHECKSUM;
        }
        return bodyIntact ? OK : BAD_BODY;
    }

    private static long bodyWord(final long timeslice, final long index)
    {
        // splitmix64 of (timeslice, index): cheap, and every word differs between timeslices
        long z = timeslice * 0x9E37_79B9_7F4A_7C15L + index + 1;
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }

    private static long fold(final long checksum, final long word)
    {
        final long mixed = (checksum ^ word) * 0x0000_0100_0000_01B3L;
        return mixed ^ (mixed >>> 29);
    }
}
