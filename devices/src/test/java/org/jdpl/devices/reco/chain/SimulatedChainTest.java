package org.jdpl.devices.reco.chain;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jdpl.devices.reco.SampleData;
import org.jdpl.devices.reco.event.SourceEvent;
import org.jdpl.devices.reco.event.SourceTimeframeWriter.Kind;
import org.jdpl.devices.reco.score.ScoreTally;
import org.jdpl.devices.reco.sim.EventSimulator;
import org.jdpl.devices.reco.sim.SimConfig;
import org.junit.jupiter.api.Test;

/** Runs the chain's algorithms on simulated events at the default multiplicity. */
class SimulatedChainTest
{
    /** Measured 0.995 on these five events (2026-11-22), minus a small margin. */
    static final double SCORE_FLOOR = 0.97;

    @Test
    void shouldScoreSimulatedEventsAboveTheFloor()
    {
        final EventSimulator simulator = new EventSimulator(SimConfig.defaults());
        final List<SourceEvent> events = new ArrayList<>();
        final long t0 = System.nanoTime();
        for (int e = 0; e < 5; e++)
        {
            events.add(simulator.simulate(e));
        }
        System.out.printf("simulated 5 events in %.1f ms, %d hits in the first%n", (System.nanoTime() - t0) / 1e6, events.get(0).truthCount);
        try (Arena arena = Arena.ofConfined())
        {
            final Map<Kind, MemorySegment> in = SampleData.write(arena, events, simulator.geometry());
            final ScoreTally tally = SampleChainTest.run(arena, in, "simulated", ReconstructionSteps.withDefaults(1e6));
            if (System.getenv("JDPL_DIAGNOSTICS") != null)
            {
                ChainDiagnostics.explain(arena, in);
            }
            assertTrue(tally.score() >= SCORE_FLOOR, tally.toString());
        }
    }
}
