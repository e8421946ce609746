package org.jdpl.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.ByteOrder;
import java.util.EnumSet;
import java.util.Random;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

class MessageDecoderTest
{
    private final MessageDecoder decoder = new MessageDecoder();

    private static UnsafeBuffer validMessage(final int payloadSize)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[MessageLayout.PAYLOAD_OFFSET + payloadSize]);
        new MessageEncoder().wrap(buffer, 0).writeHeaderBlock("TST", "COUNTER", 0).stamp(payloadSize, 3, 0);
        return buffer;
    }

    @Test
    void shouldAcceptWellFormedMessage()
    {
        final UnsafeBuffer buffer = validMessage(64);
        assertEquals(WireError.NONE, decoder.check(buffer, 0, buffer.capacity()));
        assertEquals(64, decoder.payloadSize());
    }

    @Test
    void shouldNameEachKindOfDamage()
    {
        assertEquals(WireError.TRUNCATED, decoder.check(validMessage(0), 0, 159));

        UnsafeBuffer buffer = validMessage(8);
        buffer.putByte(1, (byte)'3');
        assertEquals(WireError.BAD_MAGIC, decoder.check(buffer, 0, buffer.capacity()));

        buffer = validMessage(8);
        buffer.putInt(4, 80, ByteOrder.LITTLE_ENDIAN);
        assertEquals(WireError.BAD_DATA_HEADER_SIZE, decoder.check(buffer, 0, buffer.capacity()));

        buffer = validMessage(8);
        buffer.putInt(12, 2, ByteOrder.LITTLE_ENDIAN);
        assertEquals(WireError.BAD_DATA_HEADER_VERSION, decoder.check(buffer, 0, buffer.capacity()));

        buffer = validMessage(8);
        buffer.putInt(8, 0, ByteOrder.LITTLE_ENDIAN);
        assertEquals(WireError.NO_PROCESSING_HEADER, decoder.check(buffer, 0, buffer.capacity()));

        buffer = validMessage(8);
        buffer.putInt(96 + 4, 48, ByteOrder.LITTLE_ENDIAN);
        assertEquals(WireError.BAD_PROCESSING_HEADER, decoder.check(buffer, 0, buffer.capacity()));

        buffer = validMessage(8);
        assertEquals(WireError.BAD_PAYLOAD_SIZE, decoder.check(buffer, 0, buffer.capacity() - 1));
        buffer.putLong(72, -1, ByteOrder.LITTLE_ENDIAN);
        assertEquals(WireError.BAD_PAYLOAD_SIZE, decoder.check(buffer, 0, buffer.capacity()));
    }

    @Test
    void shouldNeverThrowOnRandomOrTruncatedBytes()
    {
        final Random random = new Random(20261122L);
        final EnumSet<WireError> seen = EnumSet.noneOf(WireError.class);
        for (int i = 0; i < 20_000; i++)
        {
            final UnsafeBuffer buffer;
            if (random.nextBoolean())
            {
                final byte[] bytes = new byte[random.nextInt(400)];
                random.nextBytes(bytes);
                buffer = new UnsafeBuffer(bytes);
            }
            else
            {
                // a valid message with a few bytes flipped: reaches the deeper checks
                buffer = validMessage(random.nextInt(64));
                for (int flips = random.nextInt(3); flips >= 0; flips--)
                {
                    buffer.putByte(random.nextInt(buffer.capacity()), (byte)random.nextInt());
                }
            }
            final int offset = buffer.capacity() == 0 ? 0 : random.nextInt(Math.max(1, buffer.capacity() / 8));
            final int length = random.nextInt(buffer.capacity() - offset + 1);
            final WireError error = decoder.check(buffer, offset, length);
            assertNotNull(error);
            seen.add(error);
            if (error == WireError.NONE)
            {
                // accepted: the payload it names lies inside the message
                assertEquals(true, decoder.payloadSize() <= length - MessageLayout.PAYLOAD_OFFSET);
            }
        }
        assertNotEquals(1, seen.size(), "the random inputs should reach several checks: " + seen);
        assertEquals(true, seen.contains(WireError.TRUNCATED) && seen.contains(WireError.BAD_MAGIC), seen.toString());
    }

    @Test
    void shouldEncodeControlCommands()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[32]);
        assertEquals(16, ControlCommandCodec.encode(buffer, 8, ControlCommandCodec.STOP, 77));
        assertEquals(ControlCommandCodec.STOP, ControlCommandCodec.command(buffer, 8, 16));
        assertEquals(77, ControlCommandCodec.argument(buffer, 8));
        assertEquals(0, ControlCommandCodec.command(buffer, 8, 15));
        assertEquals("STOP", ControlCommandCodec.name(ControlCommandCodec.STOP));
    }
}
