package org.jdpl.topologies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
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
        RunFixture.assertNothingLeft(result);
    }

    @Test
    void shouldReconstructTheTrackmlSampleEvent()
    {
        final String property = System.getProperty("jdpl.sampleData");
        Path sample = property == null ? null : Path.of(property);
        for (Path up = Path.of("").toAbsolutePath(); (sample == null || !Files.isDirectory(sample)) && up != null; up = up.getParent())
        {
            sample = up.resolve("shared/data/trackml-sample");
        }
        assumeTrue(sample != null && Files.isDirectory(sample), "TrackML sample data not found: test skipped");
        final RunFixture fixture = new RunFixture(dir);
        final RunResult result = fixture.run(Path.of("reco-trackml.conf").toAbsolutePath(), "--set", "reader.path=" + sample);

        assertEquals(0, result.exitCode(), result::describe);
        assertEquals(1, result.metric("scorer.events"));
        assertTrue(result.metric("scorer.score") > 0.89, result::describe);
        RunFixture.assertNothingLeft(result);
    }
}
