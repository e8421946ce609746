package org.jdpl.topologies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The reconstruction topologies, run for real: six device processes, the score read from the run summary. */
@Timeout(240)
class RecoRunTest
{
    @TempDir
    Path dir;

    @Test
    void shouldReconstructSimulatedEvents()
    {
        final RunFixture fixture = new RunFixture(dir);
        final RunResult result = fixture.run(Path.of("reco-sim.conf").toAbsolutePath(), "--set", "sim.events=4",
            "--set", "sim.events-per-timeframe=2");

        assertEquals(0, result.exitCode(), result::describe);
        assertEquals(4, result.metric("scorer.events"));
        assertTrue(result.metric("scorer.score") > 0.9, result::describe);
        assertTrue(result.metric("scorer.efficiency") > 0.9, result::describe);
        assertEquals(result.metric("scorer.tracks"), result.metric("track-qc.tracks"), "the QC device counts the tracks the scorer scored");
        RunFixture.assertNothingLeft(result);
    }

    /**
     * Two clusterizers on the same simulated timeframes must send the same bytes. They once differed
     * in about 3 of 10 timeframes: the padding after a table column kept whatever a reused segment
     * block held (here the simulator's truth and particles, freed at once for want of a consumer).
     * Whether stale bytes show depends on which process reuses which block, so TableWritersTest is
     * the deterministic guard; this checks the whole path through real processes.
     */
    @Test
    void shouldGiveTwoClusterizersOnTheSameTimeframesTheSameBytes()
    {
        final RunFixture fixture = new RunFixture(dir);
        final Path topology = fixture.write("twin-clusterizers.conf", """
            devices {
              sim     { use = trackml-simulator, options { events = 20, events-per-timeframe = 2 } }
              first   { use = clusterizer, outputs = ["spacepoints:TRK/SPACEPOINTS/1"] }
              second  { use = clusterizer, outputs = ["spacepoints:TRK/SPACEPOINTS/2"] }
              compare { use = payload-compare, inputs = ["expected:TRK/SPACEPOINTS/1", "actual:TRK/SPACEPOINTS/2"] }
            }
            """);
        final RunResult result = fixture.run(topology);

        assertEquals(0, result.exitCode(), result::describe);
        // 10 timeslices compared, all identical: the compare device counts a differing one as 'different' instead.
        assertEquals(10, result.metric("compare.identical"), result::describe);
        RunFixture.assertNothingLeft(result);
    }

    /** Also the round trip: dpl score on the submission the run wrote gives the scorer's own figures, to the last bit. */
    @Test
    void shouldReconstructTheTrackmlSampleEvent()
    {
        final Path sample = TrackmlSample.directory();
        final RunFixture fixture = new RunFixture(dir);
        final RunResult result = fixture.run(Path.of("reco-trackml.conf").toAbsolutePath(), "--set", "reader.path=" + sample);

        assertEquals(0, result.exitCode(), result::describe);
        assertEquals(1, result.metric("scorer.events"));
        assertTrue(result.metric("scorer.score") > 0.89, result::describe);
        final Path submission = Path.of(result.summary().path("runDir").asText(), "tracks", TrackmlSample.EVENT + "-submission.csv");
        final TrackmlSample.Scored scored = TrackmlSample.score(sample, submission, dir.resolve("score.json"));
        assertEquals(0, scored.exitCode(), scored::toString);
        assertEquals(result.metric("scorer.score"), scored.figures().path("score").asDouble(), scored::toString);
        assertEquals(result.metric("scorer.efficiency"), scored.figures().path("efficiency").asDouble(), scored::toString);
        assertEquals(result.metric("scorer.fakeRate"), scored.figures().path("fakeRate").asDouble(), scored::toString);
        assertEquals(result.metric("scorer.duplicateRate"), scored.figures().path("duplicateRate").asDouble(), scored::toString);
        RunFixture.assertNothingLeft(result);
    }
}
