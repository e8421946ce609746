package org.jdpl.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dpl score} on a hand-made event whose scores are worked out by hand: two particles of four hits
 * (weights 0.1, 0.1, 0.1, 0.2 and 0.125 each; both pT above 1 GeV) and two noise hits of weight 0.
 */
class ScoreCommandTest
{
    private static final String TRUTH = """
        hit_id,particle_id,weight
        1,11,0.1
        2,11,0.1
        3,11,0.1
        4,11,0.2
        5,22,0.125
        6,22,0.125
        7,22,0.125
        8,22,0.125
        9,0,0
        10,0,0
        """;
    private static final String PARTICLES = """
        particle_id,vx,vy,vz,px,py,pz,q,nhits
        11,0,0,0,2,0,1,1,4
        22,0,0,0,0,3,1,-1,4
        """;

    @TempDir
    Path dir;
    private Path truth;

    @BeforeEach
    void writeTruth() throws IOException
    {
        truth = Files.createDirectories(dir.resolve("truth"));
        Files.writeString(truth.resolve("event000000001-truth.csv"), TRUTH);
        Files.writeString(truth.resolve("event000000001-particles.csv"), PARTICLES);
    }

    @Test
    void shouldScoreThePerfectSubmissionOne() throws IOException
    {
        final Path submission = write("perfect.csv", "event_id,hit_id,track_id\n" + rows(1, 1, 1, 1, 2, 2, 2, 2, 0, 0));

        final JsonNode figures = score(submission);

        assertEquals(1.0, figures.path("score").asDouble(), 1e-9);
        assertEquals(1.0, figures.path("efficiency").asDouble(), 1e-9);
        assertEquals(0.0, figures.path("fakeRate").asDouble());
        assertEquals(2, figures.path("tracks").asInt());
    }

    @Test
    void shouldScoreATrackOfNoiseZero() throws IOException
    {
        final Path submission = write("noise.csv", "event_id,hit_id,track_id\n" + rows(0, 0, 0, 0, 0, 0, 0, 0, 1, 1));

        final JsonNode figures = score(submission);

        assertEquals(0.0, figures.path("score").asDouble());
        assertEquals(1.0, figures.path("fakeRate").asDouble());
        assertEquals(0.0, figures.path("efficiency").asDouble());
    }

    /**
     * Track 1 = hits 1-3: three of particle 11's four, good, weight 0.3 of 1.0. Tracks 2 = {5,6} and 3 = {7,8}:
     * half of particle 22 each, matched but not good, the second a duplicate. Track 4 = {4,9,10}: mostly noise,
     * a fake. So score 0.3, fake rate 1/4, duplicate rate 1/3, efficiency 1/2. Written as another tool might:
     * gzip, columns in another order, an extra column.
     */
    @Test
    void shouldScoreAPartialSubmissionAsWorkedOutByHand() throws IOException
    {
        final StringBuilder text = new StringBuilder("track_id,confidence,hit_id,event_id\n");
        final int[] tracks = {1, 1, 1, 4, 2, 2, 3, 3, 4, 4};
        for (int hit = 1; hit <= tracks.length; hit++)
        {
            text.append(tracks[hit - 1]).append(",0.5,").append(hit).append(",1\n");
        }
        final Path submission = dir.resolve("partial.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(submission)))
        {
            out.write(text.toString().getBytes(StandardCharsets.US_ASCII));
        }

        final JsonNode figures = score(submission);

        assertEquals(0.3, figures.path("score").asDouble(), 1e-6);
        assertEquals(0.25, figures.path("fakeRate").asDouble(), 1e-12);
        assertEquals(1.0 / 3, figures.path("duplicateRate").asDouble(), 1e-12);
        assertEquals(0.5, figures.path("efficiency").asDouble(), 1e-12);
        assertEquals(4, figures.path("tracks").asInt());
    }

    @Test
    void shouldSayHitsOfTheTruthThatASubmissionLeavesOut() throws IOException
    {
        final Path submission = write("short.csv", "event_id,hit_id,track_id\n1,1,1\n1,2,1\n1,3,1\n");

        final DplRun run = DplRun.run("score", "--truth", truth.toString(), submission.toString());

        assertEquals(ExitCode.OK, run.exitCode(), run::toString);
        assertTrue(run.out().contains(submission + ": 1 event(s), 7 hit(s) of the truth not listed (counted as on no track)"), run::toString);
        assertTrue(run.out().contains("score 0.3000"), run::toString);
    }

    @Test
    void shouldRejectAHitThatIsNotInTheEvent() throws IOException
    {
        final Path submission = write("stray.csv", "event_id,hit_id,track_id\n1,1,1\n1,2,1\n1,99,1\n");

        assertOneLine(submission, submission + ":4: hit_id 99 is not in event 1");
    }

    @Test
    void shouldRejectAHitListedTwice() throws IOException
    {
        final Path submission = write("twice.csv", "event_id,hit_id,track_id\n1,1,1\n1,2,1\n1,1,2\n");

        assertOneLine(submission, submission + ":4: hit_id 1 of event 1 is listed again (first at line 2)");
    }

    @Test
    void shouldRejectAMissingColumn() throws IOException
    {
        final Path submission = write("columns.csv", "event_id,hit_id\n1,1\n");

        assertOneLine(submission, submission + ":1: no column 'track_id'");
    }

    @Test
    void shouldRejectAnEventWithoutTruth() throws IOException
    {
        final Path submission = write("other-event.csv", "event_id,hit_id,track_id\n1,1,1\n7,1,1\n");

        assertOneLine(submission, submission + ":3: event 7 has no truth file in " + truth);
    }

    @Test
    void shouldRejectAValueThatIsNotAnInteger() throws IOException
    {
        final Path submission = write("text.csv", "event_id,hit_id,track_id\n1,1,one\n");

        assertOneLine(submission, submission + ":2: column 'track_id' is 'one', expected an integer");
    }

    private JsonNode score(final Path submission) throws IOException
    {
        final Path json = dir.resolve(submission.getFileName() + ".json");
        final DplRun run = DplRun.run("score", "--truth", truth.toString(), submission.toString(), "--json", json.toString());
        assertEquals(ExitCode.OK, run.exitCode(), run::toString);
        assertEquals("", run.err(), run::toString);
        return new ObjectMapper().readTree(json.toFile());
    }

    private void assertOneLine(final Path submission, final String expectedStart)
    {
        final DplRun run = DplRun.run("score", "--truth", truth.toString(), submission.toString());

        assertEquals(ExitCode.USAGE, run.exitCode(), run::toString);
        assertEquals(1, run.err().lines().count(), run::toString);
        assertTrue(run.err().startsWith("dpl score: " + expectedStart), run::toString);
        assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), run::toString);
    }

    private Path write(final String name, final String text) throws IOException
    {
        return Files.writeString(dir.resolve(name), text);
    }

    /** Rows of event 1 giving hit i+1 track {@code tracks[i]}. */
    private static String rows(final int... tracks)
    {
        final StringBuilder text = new StringBuilder();
        for (int i = 0; i < tracks.length; i++)
        {
            text.append("1,").append(i + 1).append(',').append(tracks[i]).append('\n');
        }
        return text.toString();
    }
}
