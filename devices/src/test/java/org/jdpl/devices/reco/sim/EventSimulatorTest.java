package org.jdpl.devices.reco.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.Map;

import org.jdpl.devices.reco.SampleData;
import org.jdpl.devices.reco.event.SourceEvent;
import org.jdpl.devices.reco.event.SourceTimeframeWriter.Kind;
import org.junit.jupiter.api.Test;

class EventSimulatorTest
{
    @Test
    void shouldSimulateTheSameEventsForTheSameSeed()
    {
        final SimConfig config = new SimConfig(100, 0.4, 50, 3.0, 0.1, true, 2.0, 1234);
        try (Arena arena = Arena.ofConfined())
        {
            final Map<Kind, MemorySegment> first = tables(arena, new EventSimulator(config), 3);
            final Map<Kind, MemorySegment> second = tables(arena, new EventSimulator(config), 3);
            final Map<Kind, MemorySegment> other = tables(arena, new EventSimulator(new SimConfig(100, 0.4, 50, 3.0, 0.1, true, 2.0, 1235)), 3);
            for (final Kind kind : Kind.values())
            {
                assertArrayEquals(first.get(kind).toArray(ValueLayout.JAVA_BYTE), second.get(kind).toArray(ValueLayout.JAVA_BYTE), kind.name());
            }
            assertFalse(first.get(Kind.CELLS).byteSize() == other.get(Kind.CELLS).byteSize() &&
                first.get(Kind.CELLS).mismatch(other.get(Kind.CELLS)) < 0, "another seed gives other events");
        }
    }

    @Test
    void shouldGiveParticlesHitsAndNormalisedWeights()
    {
        final SourceEvent event = new EventSimulator(SimConfig.defaults()).simulate(0);
        double weight = 0;
        int noise = 0;
        for (int k = 0; k < event.truthCount; k++)
        {
            weight += event.truthWeight[k];
            noise += event.truthParticleId[k] == 0 ? 1 : 0;
        }
        assertEquals(1.0, weight, 1e-4);
        assertEquals(400, event.particleCount);
        assertTrue(event.truthCount > 8 * 400, "about ten hits per particle: " + event.truthCount);
        assertTrue(noise > 0.05 * event.truthCount && noise < 0.15 * event.truthCount, "noise " + noise);
    }

    private static Map<Kind, MemorySegment> tables(final Arena arena, final EventSimulator simulator, final int events)
    {
        final SourceEvent[] simulated = new SourceEvent[events];
        for (int e = 0; e < events; e++)
        {
            simulated[e] = simulator.simulate(e);
        }
        return SampleData.write(arena, List.of(simulated), simulator.geometry());
    }
}
