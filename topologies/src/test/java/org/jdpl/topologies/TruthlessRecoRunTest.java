package org.jdpl.topologies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.jdpl.devices.reco.io.CsvTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * reco-trackml.conf, unchanged, on event directories made from the sample with parts left out, as real
 * data comes: hits alone, and hits with truth but no particles. The chain runs, writes every hit once, and
 * scores what has truth; dpl score on the written submission says what the scorer said.
 */
@Timeout(240)
class TruthlessRecoRunTest
{
    private static final Path TOPOLOGY = Path.of("reco-trackml.conf").toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    void shouldReconstructHitsAloneAndWriteEveryHitOnce()
    {
        final Path events = TrackmlSample.eventDirectory(dir, "hits-only", "hits");
        final RunFixture fixture = new RunFixture(dir);
        final RunResult result = fixture.run(TOPOLOGY, "--set", "reader.path=" + events);

        assertEquals(0, result.exitCode(), result::describe);
        assertEquals(0, result.metric("scorer.events"), result::describe);
        assertEquals(1, result.metric("scorer.eventsWithoutTruth"), result::describe);
        assertFalse(result.summary().path("metrics").has("scorer.score"), result::describe);
        assertTrue(result.out().contains("reader: " + events + ": 1 event: hits 1, cells 0, truth 0, particles 0; no truth: nothing " +
            "will be scored"), result::describe);
        assertTrue(result.out().contains("scorer total: no truth: nothing scored (1 event(s) without truth)"), result::describe);
        final Path tracks = Path.of(result.summary().path("runDir").asText(), "tracks");
        assertTrue(result.out().contains("writer: wrote " + TrackmlSample.EVENT + "-submission.csv and " + TrackmlSample.EVENT +
            "-track-parameters.csv in " + tracks.toAbsolutePath()), result::describe);

        final CsvTable submission = CsvTable.read(tracks.resolve(TrackmlSample.EVENT + "-submission.csv"));
        final CsvTable hits = CsvTable.read(events.resolve(TrackmlSample.EVENT + "-hits.csv.gz"));
        assertEquals(sortedHitIds(hits), sortedHitIds(submission), "the submission lists each hit of the hits file once");
        final int track = submission.column("track_id");
        final long onTracks = java.util.stream.IntStream.range(0, submission.rowCount()).filter(row -> submission.getLong(row, track) > 0).count();
        assertTrue(onTracks > submission.rowCount() / 2, "most hits are on tracks: " + onTracks + " of " + submission.rowCount());
        final CsvTable parameters = CsvTable.read(tracks.resolve(TrackmlSample.EVENT + "-track-parameters.csv"));
        assertTrue(parameters.rowCount() > 100, "fitted tracks: " + parameters.rowCount());
        RunFixture.assertNothingLeft(result);
    }

    @Test
    void shouldScoreHitsWithTruthAloneAndGiveDplScoreTheSameFigures()
    {
        final Path events = TrackmlSample.eventDirectory(dir, "hits-truth", "hits", "truth");
        final Path out = dir.resolve("written");
        final RunFixture fixture = new RunFixture(dir);
        final RunResult result = fixture.run(TOPOLOGY, "--set", "reader.path=" + events, "--set", "writer.out=" + out,
            "--set", "writer.gzip=true");

        assertEquals(0, result.exitCode(), result::describe);
        assertEquals(1, result.metric("scorer.events"), result::describe);
        assertTrue(result.metric("scorer.score") > 0.89, result::describe);
        assertFalse(result.summary().path("metrics").has("scorer.efficiency"), "no particles, no efficiency: " + result.describe());

        final TrackmlSample.Scored scored = TrackmlSample.score(events, out.resolve(TrackmlSample.EVENT + "-submission.csv.gz"),
            dir.resolve("score.json"));
        assertEquals(0, scored.exitCode(), scored::toString);
        assertEquals(result.metric("scorer.score"), scored.figures().path("score").asDouble(), scored::toString);
        assertTrue(scored.figures().path("efficiency").isNull(), scored::toString);
        // The scorer's printed total and dpl score's line are the same text, digit for digit.
        final String figures = scored.lines().get(1);
        assertTrue(figures.startsWith("score "), scored::toString);
        assertTrue(result.out().contains("scorer total: " + figures + "\n"), () -> figures + "\n" + result.describe());
        RunFixture.assertNothingLeft(result);
    }

    private static List<Long> sortedHitIds(final CsvTable table)
    {
        final int column = table.column("hit_id");
        final List<Long> ids = new ArrayList<>(table.rowCount());
        for (int row = 0; row < table.rowCount(); row++)
        {
            ids.add(table.getLong(row, column));
        }
        Collections.sort(ids);
        return ids;
    }
}
