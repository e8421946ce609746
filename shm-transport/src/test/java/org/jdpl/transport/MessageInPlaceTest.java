package org.jdpl.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/**
 * Messages where a receiver finds them: at an offset inside a larger buffer (an Aeron term) that
 * holds older bytes, written over those bytes, read back field by field; inline and as a reference
 * into the payload segment.
 */
class MessageInPlaceTest
{
    private static final int AT = 40;
    private static final byte OLD = 0x5A;
    private static final String DESCRIPTION = "SPACEPOINTSLONG1"; // all 16 bytes used: both halves of the raw description matter

    private final UnsafeBuffer term = new UnsafeBuffer(new byte[1024]);
    private final MessageEncoder encoder = new MessageEncoder();
    private final MessageDecoder decoder = new MessageDecoder();

    MessageInPlaceTest()
    {
        term.setMemory(0, term.capacity(), OLD);
    }

    @Test
    void shouldWriteEveryFieldOverOldBytesAtAnOffsetAndReadItBack()
    {
        encoder.wrap(term, AT).writeHeaderBlock("TRK", DESCRIPTION, 7).stamp(64, 12, 1234);
        encoder.dataHeader().firstTForbit(99).runNumber(5);

        assertEquals(WireError.NONE, decoder.check(term, AT, MessageLayout.PAYLOAD_OFFSET + 64));
        final DataHeaderFlyweight data = decoder.dataHeader();
        assertEquals("TRK", data.dataOrigin());
        assertEquals(DESCRIPTION, data.dataDescription());
        assertEquals(DataHeaderFlyweight.rawDescriptionLow(DESCRIPTION), data.dataDescriptionRawLow());
        assertEquals(DataHeaderFlyweight.rawDescriptionHigh(DESCRIPTION), data.dataDescriptionRawHigh());
        assertEquals(DataHeaderFlyweight.rawDescriptionLow("SPACEPOI"), DataHeaderFlyweight.rawDescriptionLow(DESCRIPTION));
        assertTrue(DataHeaderFlyweight.rawDescriptionHigh(DESCRIPTION) != DataHeaderFlyweight.rawDescriptionHigh("SPACEPOI"));
        assertEquals(7, data.subSpecification());
        assertEquals(64, data.payloadSize());
        assertEquals(12, data.tfCounter());
        assertEquals(99, data.firstTForbit());
        assertEquals(5, data.runNumber());
        assertEquals(1, data.splitPayloadParts());
        assertEquals(0, data.splitPayloadIndex(), "written over old bytes, the index is zero");
        assertEquals(DataHeaderFlyweight.SERIALIZATION_NONE, data.payloadSerializationMethod());
        assertFalse(data.isSegmentRef());
        assertEquals(MessageLayout.MAGIC, data.magic());
        final ProcessingHeaderFlyweight processing = decoder.processingHeader();
        assertEquals(MessageLayout.MAGIC, processing.magic());
        assertEquals(12, processing.startTime());
        assertEquals(1, processing.duration());
        assertEquals(1234, processing.creation());
        for (int i = 0; i < AT; i++)
        {
            assertEquals(OLD, term.getByte(i), "byte " + i + " before the message is not the encoder's");
        }
        final int padding = MessageLayout.PROCESSING_HEADER_OFFSET + MessageLayout.PROCESSING_HEADER_SIZE;
        for (int i = padding; i < MessageLayout.PAYLOAD_OFFSET; i++)
        {
            assertEquals(0, term.getByte(AT + i), "padding byte " + i + " is zeroed");
        }
        assertEquals(OLD, term.getByte(AT + MessageLayout.PAYLOAD_OFFSET), "the payload is the producer's to write");
    }

    @Test
    void shouldCarryASegmentReferenceAndRefuseOneOfTheWrongSize()
    {
        encoder.wrap(term, AT).writeHeaderBlock("TRK", "CLUSTERS", 0);
        final long ref = 0x0123_4567_89ABL;
        final int length = encoder.stampSegmentRef(ref, 5_000_000, 3, 9);

        assertEquals(MessageLayout.PAYLOAD_OFFSET + MessageLayout.SEGMENT_REF_PAYLOAD_BYTES, length);
        assertEquals(WireError.NONE, decoder.check(term, AT, length));
        assertTrue(decoder.dataHeader().isSegmentRef());
        assertEquals(DataHeaderFlyweight.SERIALIZATION_SEGMENT_REF, decoder.dataHeader().payloadSerializationMethod());
        assertEquals(ref, MessageDecoder.segmentRef(term, AT));
        assertEquals(5_000_000, MessageDecoder.segmentPayloadSize(term, AT));
        assertEquals(3, decoder.processingHeader().startTime());
        assertEquals(9, decoder.processingHeader().creation());

        term.putLong(AT + DataHeaderFlyweight.PAYLOAD_SIZE_OFFSET, 8, ByteOrder.LITTLE_ENDIAN);
        assertEquals(WireError.BAD_PAYLOAD_SIZE, decoder.check(term, AT, length), "a reference is exactly 16 bytes");

        encoder.stamp(16, 4, 10);
        assertEquals(WireError.NONE, decoder.check(term, AT, length));
        assertFalse(decoder.dataHeader().isSegmentRef(), "stamping inline clears the reference mark");
    }

    @Test
    void shouldNumberThePartsOfASplitPayloadAndChainSetters()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[MessageLayout.PAYLOAD_OFFSET]);
        final DataHeaderFlyweight data = new DataHeaderFlyweight().wrap(buffer, 0).writeDefaults().splitPayload(3, 2);
        assertEquals(3, data.splitPayloadParts());
        assertEquals(2, data.splitPayloadIndex());
        final ProcessingHeaderFlyweight processing = new ProcessingHeaderFlyweight().wrap(buffer, MessageLayout.PROCESSING_HEADER_OFFSET)
            .writeDefaults().duration(5).creation(6).startTime(7);
        assertEquals(5, processing.duration());
        assertEquals(6, processing.creation());
        assertEquals(7, new ProcessingHeaderFlyweight().wrapForRead(buffer, MessageLayout.PROCESSING_HEADER_OFFSET).startTime());
    }
}
