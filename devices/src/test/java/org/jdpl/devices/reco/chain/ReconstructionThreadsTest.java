package org.jdpl.devices.reco.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jdpl.devices.reco.SampleData;
import org.jdpl.devices.reco.event.SourceEvent;
import org.jdpl.devices.reco.event.SourceTimeframeWriter.Kind;
import org.jdpl.devices.reco.find.FinderConfig;
import org.jdpl.devices.reco.seed.SeedConfig;
import org.jdpl.devices.reco.sim.EventSimulator;
import org.jdpl.devices.reco.sim.SimConfig;
import org.junit.jupiter.api.Test;

/** Seeding and track finding spread over threads write the same bytes as on one thread, whatever the number. */
class ReconstructionThreadsTest
{
    @Test
    void shouldWriteTheSameSeedsAndTracksOnAnyNumberOfThreads()
    {
        final EventSimulator simulator = new EventSimulator(SimConfig.defaults());
        final List<SourceEvent> events = new ArrayList<>();
        for (int e = 0; e < 5; e++)
        {
            events.add(simulator.simulate(e));
        }
        try (Arena arena = Arena.ofConfined())
        {
            final Map<Kind, MemorySegment> in = SampleData.write(arena, events, simulator.geometry());
            final byte[][] one = seedsAndTracks(arena, in, 1);
            assertTrue(one[0].length > 1000 && one[1].length > 1000, "a timeframe with seeds and tracks");
            for (final int threads : new int[] {2, 3, 7})
            {
                final byte[][] many = seedsAndTracks(arena, in, threads);
                assertEquals(-1, MemorySegment.ofArray(one[0]).mismatch(MemorySegment.ofArray(many[0])), "seeds on " + threads + " threads");
                assertEquals(-1, MemorySegment.ofArray(one[1]).mismatch(MemorySegment.ofArray(many[1])), "tracks on " + threads + " threads");
            }
        }
    }

    private static byte[][] seedsAndTracks(final Arena arena, final Map<Kind, MemorySegment> in, final int threads)
    {
        final MemorySegment[] out = new MemorySegment[1];
        try (ReconstructionSteps steps = new ReconstructionSteps(SeedConfig.defaults(), FinderConfig.defaults(), 1e6, 1.0, 4, threads))
        {
            steps.clusterize(in.get(Kind.CELLS), in.get(Kind.MODULES), in.get(Kind.HITS), size -> out[0] = arena.allocate(size, 8));
            final MemorySegment spacepoints = out[0];
            steps.seed(spacepoints, size -> out[0] = arena.allocate(size, 8));
            final MemorySegment seeds = out[0];
            steps.findTracks(spacepoints, seeds, size -> out[0] = arena.allocate(size, 8));
            return new byte[][] {seeds.toArray(java.lang.foreign.ValueLayout.JAVA_BYTE), out[0].toArray(java.lang.foreign.ValueLayout.JAVA_BYTE)};
        }
    }
}
