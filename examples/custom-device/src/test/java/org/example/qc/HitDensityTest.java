package org.example.qc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.foreign.MemorySegment;

import org.jdpl.devices.reco.event.LayoutMismatchException;
import org.jdpl.devices.reco.event.Spacepoints;
import org.jdpl.devices.reco.event.Table;
import org.jdpl.framework.testing.DeviceTester;
import org.junit.jupiter.api.Test;

class HitDensityTest
{
    @Test
    void shouldCountSpacepointsPerEventAndTheBusyEvents() throws Exception
    {
        try (DeviceTester qc = DeviceTester.of(new HitDensity()).option("busy-above", 2))
        {
            qc.input("spacepoints", spacepoints(1, 3)).process(0);
            qc.input("spacepoints", spacepoints(2)).process(1);
            assertEquals(3, qc.metric("events"));
            assertEquals(6, qc.metric("spacepoints"));
            assertEquals(1, qc.metric("busyEvents"));
            assertEquals(3, qc.metric("maxPerEvent"));
        }
    }

    @Test
    void shouldRejectAPayloadThatIsNoSpacepointTable() throws Exception
    {
        try (DeviceTester qc = DeviceTester.of(new HitDensity()))
        {
            assertThrows(LayoutMismatchException.class, () -> qc.input("spacepoints", new byte[64]).process(0));
        }
    }

    /** A spacepoint table with one event per count, that many (zero) spacepoints each. */
    private static MemorySegment spacepoints(final int... perEvent)
    {
        long rows = 0;
        for (final int count : perEvent)
        {
            rows += count;
        }
        final MemorySegment payload = MemorySegment.ofArray(new byte[(int)Table.sizeBytes(Spacepoints.LAYOUT, perEvent.length, rows)]);
        new Table(Spacepoints.LAYOUT).create(payload, new long[perEvent.length], perEvent);
        return payload;
    }
}
