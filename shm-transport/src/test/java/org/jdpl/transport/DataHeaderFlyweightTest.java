package org.jdpl.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

class DataHeaderFlyweightTest
{
    /** O2's DataHeader v3 and DataProcessingHeader for TRK/CLUSTERS/7, written out by hand. */
    private static byte[] expectedHeaderBlock()
    {
        final Bytes b = new Bytes();
        // --- DataHeader, offset 0 ---
        b.ascii("O2O2");                  // 0: magic
        b.u32(96);                        // 4: headerSize
        b.u32(1);                         // 8: flags: bit 0, another header follows
        b.u32(3);                         // 12: headerVersion
        b.ascii("DataHead");              // 16: header description
        b.ascii("NONE").zeros(4);         // 24: header serialization, 8 chars
        b.ascii("CLUSTERS").zeros(8);     // 32: dataDescription, 16 chars
        b.ascii("TRK").zeros(1);          // 48: dataOrigin, 4 chars
        b.u32(1);                         // 52: splitPayloadParts
        b.ascii("NONE").zeros(4);         // 56: payloadSerializationMethod, 8 chars
        b.u32(7);                         // 64: subSpecification
        b.u32(0);                         // 68: splitPayloadIndex
        b.u64(0x1_0000_0010L);            // 72: payloadSize
        b.u32(0);                         // 80: firstTForbit
        b.u32(42);                        // 84: tfCounter
        b.u32(0);                         // 88: runNumber
        b.zeros(4);                       // 92: padding to 96
        // --- DataProcessingHeader, offset 96 ---
        b.ascii("O2O2");                  // 96: magic
        b.u32(56);                        // 100: headerSize
        b.u32(0);                         // 104: flags: last header
        b.u32(1);                         // 108: headerVersion
        b.ascii("DataFlow");              // 112: header description
        b.ascii("NONE").zeros(4);         // 120: header serialization
        b.u64(42);                        // 128: startTime = timeslice
        b.u64(1);                         // 136: duration
        b.u64(1_763_774_400_123L);        // 144: creation, epoch ms
        // --- padding to the payload at 160 ---
        b.zeros(8);                       // 152..159
        return b.toByteArray();
    }

    @Test
    void shouldWriteO2HeadersByteForByte()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[MessageLayout.HEADER_BLOCK_SIZE]);
        buffer.setMemory(0, buffer.capacity(), (byte)0x5A); // garbage the encoder must overwrite
        new MessageEncoder().wrap(buffer, 0)
            .writeHeaderBlock("TRK", "CLUSTERS", 7)
            .stamp(0x1_0000_0010L, 42, 1_763_774_400_123L);

        final byte[] expected = expectedHeaderBlock();
        assertEquals(160, expected.length);
        assertArrayEquals(expected, buffer.byteArray());
    }

    @Test
    void shouldReadHandWrittenHeaders()
    {
        final byte[] message = new byte[160 + 16];
        System.arraycopy(expectedHeaderBlock(), 0, message, 0, 160);
        final UnsafeBuffer buffer = new UnsafeBuffer(message);
        buffer.putLong(72, 16, java.nio.ByteOrder.LITTLE_ENDIAN); // payload fits this message

        final MessageDecoder decoder = new MessageDecoder();
        assertEquals(WireError.NONE, decoder.check(buffer, 0, message.length));
        final DataHeaderFlyweight header = decoder.dataHeader();
        assertEquals("TRK", header.dataOrigin());
        assertEquals("CLUSTERS", header.dataDescription());
        assertEquals(7, header.subSpecification());
        assertEquals(16, header.payloadSize());
        assertEquals(1, header.splitPayloadParts());
        assertEquals(0, header.splitPayloadIndex());
        assertEquals("NONE", header.payloadSerializationMethod());
        assertEquals(42, header.tfCounter());
        assertEquals(42, decoder.processingHeader().startTime());
        assertEquals(1, decoder.processingHeader().duration());
        assertEquals(1_763_774_400_123L, decoder.processingHeader().creation());
        assertEquals(DataHeaderFlyweight.rawOrigin("TRK"), header.dataOriginRaw());
        assertEquals(DataHeaderFlyweight.rawDescriptionLow("CLUSTERS"), header.dataDescriptionRawLow());
        assertEquals(DataHeaderFlyweight.rawDescriptionHigh("CLUSTERS"), header.dataDescriptionRawHigh());
    }

    @Test
    void shouldRoundTripEveryField()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
        final DataHeaderFlyweight header = new DataHeaderFlyweight().wrap(buffer, 32).writeDefaults()
            .dataOrigin("ABCD").dataDescription("0123456789ABCDEF").subSpecification(0xFFFF_FFFFL)
            .payloadSize(Long.MAX_VALUE).firstTForbit(-1).tfCounter(123_456).runNumber(529_000);
        final DataHeaderFlyweight read = new DataHeaderFlyweight().wrapForRead(buffer, 32);
        assertEquals("ABCD", read.dataOrigin());
        assertEquals("0123456789ABCDEF", read.dataDescription());
        assertEquals(0xFFFF_FFFFL, read.subSpecification());
        assertEquals(Long.MAX_VALUE, read.payloadSize());
        assertEquals(-1, read.firstTForbit());
        assertEquals(123_456, read.tfCounter());
        assertEquals(529_000, read.runNumber());
        assertEquals(MessageLayout.MAGIC, header.magic());
        assertEquals(96, read.headerSize());
        assertEquals(3, read.headerVersion());
        assertEquals("ABCD/0123456789ABCDEF/4294967295", DataHeaderFlyweight.describe(buffer, 32));
    }

    @Test
    void shouldRecogniseEndOfStream()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[160]);
        final MessageEncoder encoder = new MessageEncoder().wrap(buffer, 0);
        assertEquals(160, encoder.writeEndOfStream(99, 5));
        final MessageDecoder decoder = new MessageDecoder();
        assertEquals(WireError.NONE, decoder.check(buffer, 0, 160));
        assertTrue(decoder.dataHeader().isEndOfStream());
        assertEquals(99, decoder.processingHeader().startTime());
        assertEquals(0, decoder.payloadSize());

        encoder.writeHeaderBlock("DPL", "EOSX", 0);
        assertEquals(false, new DataHeaderFlyweight().wrapForRead(buffer, 0).isEndOfStream());
    }

    /** Little-endian byte writer for expected vectors. */
    private static final class Bytes
    {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Bytes ascii(final String text)
        {
            for (int i = 0; i < text.length(); i++)
            {
                out.write(text.charAt(i));
            }
            return this;
        }

        Bytes zeros(final int count)
        {
            for (int i = 0; i < count; i++)
            {
                out.write(0);
            }
            return this;
        }

        Bytes u32(final long value)
        {
            for (int i = 0; i < 4; i++)
            {
                out.write((int)(value >>> (8 * i)) & 0xFF);
            }
            return this;
        }

        Bytes u64(final long value)
        {
            for (int i = 0; i < 8; i++)
            {
                out.write((int)(value >>> (8 * i)) & 0xFF);
            }
            return this;
        }

        byte[] toByteArray()
        {
            return out.toByteArray();
        }
    }
}
