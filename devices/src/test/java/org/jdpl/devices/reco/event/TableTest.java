package org.jdpl.devices.reco.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import org.junit.jupiter.api.Test;

class TableTest
{
    @Test
    void shouldReadBackWhatWasWrittenPerEvent()
    {
        try (Arena arena = Arena.ofConfined())
        {
            final MemorySegment memory = arena.allocate(Table.sizeBytes(Spacepoints.LAYOUT, 2, 5), 8);
            final Table written = new Table(Spacepoints.LAYOUT).create(memory, new long[] {11, 12}, new int[] {2, 3});
            for (int row = 0; row < 5; row++)
            {
                written.setLong(Spacepoints.HIT_ID, row, 100 + row);
                written.setFloat(Spacepoints.Z, row, row * 1.5f);
            }
            final Table read = new Table(Spacepoints.LAYOUT).wrap(memory.asReadOnly());
            assertEquals(2, read.eventCount());
            assertEquals(12, read.eventId(1));
            assertEquals(2, read.eventStart(1));
            assertEquals(5, read.eventEnd(1));
            assertEquals(104, read.getLong(Spacepoints.HIT_ID, 4));
            assertEquals(4.5f, read.getFloat(Spacepoints.Z, 3));
        }
    }

    @Test
    void shouldWriteTheSameBytesIntoMemoryThatHeldStaleBytes()
    {
        try (Arena arena = Arena.ofConfined())
        {
            // 3 rows: each 4-byte column is 12 bytes, padded to 16; the padding is the table's to write.
            final long size = Table.sizeBytes(Spacepoints.LAYOUT, 1, 3);
            final MemorySegment clean = arena.allocate(size, 8);
            final MemorySegment stale = arena.allocate(size, 8).fill((byte)0xA5);
            fillThreeRows(new Table(Spacepoints.LAYOUT).create(clean, new long[] {7}, new int[] {3}));
            fillThreeRows(new Table(Spacepoints.LAYOUT).create(stale, new long[] {7}, new int[] {3}));
            assertEquals(-1, clean.mismatch(stale), "the table's bytes depend on what its memory held before");
        }
    }

    @Test
    void shouldRejectAWrongLayoutWithAClearMessage()
    {
        try (Arena arena = Arena.ofConfined())
        {
            final MemorySegment memory = arena.allocate(Table.sizeBytes(Spacepoints.LAYOUT, 1, 3), 8);
            new Table(Spacepoints.LAYOUT).create(memory, new long[] {1}, new int[] {3});

            final LayoutMismatchException wrongKind = assertThrows(LayoutMismatchException.class, () -> new Table(Cells.LAYOUT).wrap(memory));
            assertTrue(wrongKind.getMessage().contains("expected a Cells v1 (layout id 1) table: payload holds layout id 3 version 1"),
                wrongKind.getMessage());

            final LayoutMismatchException truncated = assertThrows(LayoutMismatchException.class,
                () -> new Table(Spacepoints.LAYOUT).wrap(memory.asSlice(0, memory.byteSize() - 8)));
            assertTrue(truncated.getMessage().contains("but the payload has"), truncated.getMessage());

            final LayoutMismatchException notATable = assertThrows(LayoutMismatchException.class,
                () -> new Table(Spacepoints.LAYOUT).wrap(arena.allocate(64)));
            assertTrue(notATable.getMessage().contains("does not start with a table header"), notATable.getMessage());

            final Layout otherColumns = Layout.of(3, 1, "Spacepoints", Column.ofLong("hitId"), Column.ofFloat("x"), Column.ofFloat("y"),
                Column.ofFloat("z"), Column.ofFloat("moduleId"));
            final LayoutMismatchException changed = assertThrows(LayoutMismatchException.class, () -> new Table(otherColumns).wrap(memory));
            assertTrue(changed.getMessage().contains("schema hash mismatch"), changed.getMessage());
        }
    }

    /** Sets every row of every column of a 3-row spacepoint table. */
    private static void fillThreeRows(final Table table)
    {
        for (int row = 0; row < 3; row++)
        {
            table.setLong(Spacepoints.HIT_ID, row, 100 + row);
            table.setFloat(Spacepoints.X, row, row);
            table.setFloat(Spacepoints.Y, row, -row);
            table.setFloat(Spacepoints.Z, row, 0.5f * row);
            table.setInt(Spacepoints.MODULE_ID, row, 40 + row);
        }
    }
}
