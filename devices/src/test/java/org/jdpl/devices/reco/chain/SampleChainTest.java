package org.jdpl.devices.reco.chain;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.jdpl.devices.reco.SampleData;
import org.jdpl.devices.reco.event.SourceEvent;
import org.jdpl.devices.reco.event.SourceTimeframeWriter.Kind;
import org.jdpl.devices.reco.io.DetectorFile;
import org.jdpl.devices.reco.io.TrackmlEventFiles;
import org.jdpl.devices.reco.score.ScoreTally;
import org.junit.jupiter.api.Test;

/** Runs the whole chain's algorithms on the shared TrackML sample event and checks the score stays above its floor. */
class SampleChainTest
{
    /** Measured 0.911 (2026-11-22), minus a small margin. */
    static final double SCORE_FLOOR = 0.89;

    @Test
    void shouldScoreTheSampleEventAboveTheFloor()
    {
        final Path dir = SampleData.directory();
        final TrackmlEventFiles files = TrackmlEventFiles.scan(dir);
        final SourceEvent event = files.read(files.eventIds().get(0));
        try (Arena arena = Arena.ofConfined())
        {
            final Map<Kind, MemorySegment> in = SampleData.write(arena, List.of(event), DetectorFile.read(DetectorFile.find(dir)));
            final ScoreTally tally = run(arena, in, "sample", ReconstructionSteps.withDefaults());
            if (System.getenv("JDPL_DIAGNOSTICS") != null)
            {
                ChainDiagnostics.explain(arena, in);
            }
            assertTrue(tally.score() >= SCORE_FLOOR, tally.toString());
        }
    }

    static ScoreTally run(final Arena arena, final Map<Kind, MemorySegment> in, final String what, final ReconstructionSteps steps)
    {
        final MemorySegment[] out = new MemorySegment[1];
        final java.util.function.LongFunction<MemorySegment> allocate = size -> out[0] = arena.allocate(size, 8);
        ScoreTally tally = null;
        for (int round = 0; round < 3; round++)
        {
            final long t0 = System.nanoTime();
            steps.clusterize(in.get(Kind.CELLS), in.get(Kind.MODULES), in.get(Kind.HITS), allocate);
            final MemorySegment spacepoints = out[0];
            final long t1 = System.nanoTime();
            steps.seed(spacepoints, allocate);
            final MemorySegment seeds = out[0];
            final long t2 = System.nanoTime();
            steps.findTracks(spacepoints, seeds, allocate);
            final MemorySegment trackHits = out[0];
            final long t3 = System.nanoTime();
            steps.fitTracks(spacepoints, trackHits, allocate);
            final MemorySegment tracks = out[0];
            final long t4 = System.nanoTime();
            tally = new ScoreTally();
            steps.score(trackHits, tracks, in.get(Kind.TRUTH), in.get(Kind.PARTICLES), tally);
            final long t5 = System.nanoTime();
            System.out.printf("%s round %d: cluster %.1f ms, seed %.1f ms (%d seeds), find %.1f ms, fit %.1f ms, score %.1f ms%n", what, round,
                (t1 - t0) / 1e6, (t2 - t1) / 1e6, new org.jdpl.devices.reco.event.Table(org.jdpl.devices.reco.event.Seeds.LAYOUT).wrap(seeds).rowCount(),
                (t3 - t2) / 1e6, (t4 - t3) / 1e6, (t5 - t4) / 1e6);
        }
        System.out.println(what + ": " + tally);
        return tally;
    }
}
