package org.jdpl.devices.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import org.junit.jupiter.api.Test;

class PayloadPatternTest
{
    @Test
    void shouldVerifyWhatItFilledForEverySize()
    {
        try (Arena arena = Arena.ofConfined())
        {
            for (int size = 16; size < 80; size++)
            {
                final MemorySegment payload = arena.allocate(size);
                PayloadPattern.fill(payload, 1000 + size);
                assertEquals(PayloadPattern.OK, PayloadPattern.verify(payload), "size " + size);
                assertEquals(1000 + size, PayloadPattern.timesliceOf(payload));
            }
        }
    }

    @Test
    void shouldDetectEveryFlippedByteAndAWrongTimeslice()
    {
        try (Arena arena = Arena.ofConfined())
        {
            final MemorySegment payload = arena.allocate(45);
            for (int i = 0; i < 45; i++)
            {
                PayloadPattern.fill(payload, 7);
                payload.set(ValueLayout.JAVA_BYTE, i, (byte)(payload.get(ValueLayout.JAVA_BYTE, i) ^ 0x10));
                assertNotEquals(PayloadPattern.OK, PayloadPattern.verify(payload), "flip at byte " + i);
            }
            final MemorySegment other = arena.allocate(45);
            PayloadPattern.fill(other, 8);
            PayloadPattern.fill(payload, 7);
            MemorySegment.copy(other, 8, payload, 8, 37); // checksum and body of timeslice 8 under id 7
            assertNotEquals(PayloadPattern.OK, PayloadPattern.verify(payload));
            assertEquals(PayloadPattern.TOO_SHORT, PayloadPattern.verify(arena.allocate(15)));
            assertThrows(IllegalArgumentException.class, () -> PayloadPattern.fill(arena.allocate(8), 1));
        }
    }
}
