package org.jdpl.topologies;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jdpl.tools.Dpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Watching runs from other processes: live counters read by {@code dpl status} in a second JVM
 * while the run goes on, and the journal read by {@code dpl logs} after the Driver was killed.
 */
@Timeout(120)
class ObserveRunTest
{
    static final String ENDLESS = """
        devices {
          source { use = counter-source, options { timeslices = 0, payload-bytes = 512, rate-hz = 500 } }
          fwd    { use = forwarder }
          sink   { use = checksum-sink }
        }
        """;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void shouldShowLiveCountersToAnotherProcessWhileTheRunGoesOn() throws Exception
    {
        final Path topology = Files.writeString(dir.resolve("endless.conf"), ENDLESS);
        final String runs = dir.resolve("runs").toString();
        try (DplProcess dpl = DplProcess.start("run", topology.toString(), "--runs-dir", runs))
        {
            awaitRunning(dpl);
            final String runId = runId(dpl.output());

            final JsonNode first = statusJson(runId, runs);
            final JsonNode sinkFirst = replica(first, "sink");
            RunFixture.await("the sink's count to move in another process's reading", 30_000,
                () -> replica(statusJson(runId, runs), "sink").path("timeslicesIn").asLong() > sinkFirst.path("timeslicesIn").asLong());

            assertEquals("running", first.path("status").asText());
            assertEquals("RUNNING", sinkFirst.path("state").asText(), first.toPrettyString());
            assertTrue(replica(first, "source").path("pid").asLong() > 0, "the Driver publishes pids");
            assertTrue(replica(first, "fwd").path("rssBytes").asLong() > 0, "the Driver publishes RSS from /proc");
            assertEquals(2, first.path("edges").size(), "source -> fwd and fwd -> sink: " + first.path("edges"));
            assertTrue(first.path("edges").get(0).path("messages").asLong() > 0);

            dpl.signal("TERM");
            assertEquals(130, dpl.waitFor(60), dpl.output());
            final JsonNode after = statusJson(runId, runs);
            assertEquals("interrupted", after.path("status").asText(), after.toPrettyString());
        }
    }

    @Test
    void shouldKeepTheJournalReadableAfterTheDriverIsKilled() throws Exception
    {
        final Path topology = Files.writeString(dir.resolve("endless.conf"), ENDLESS);
        final String runs = dir.resolve("runs").toString();
        try (DplProcess dpl = DplProcess.start("run", topology.toString(), "--runs-dir", runs))
        {
            awaitRunning(dpl);
            final String runId = runId(dpl.output());
            RunFixture.await("the journal to hold the start, the sink's RUNNING state and the source's log line", 30_000, () ->
            {
                final String journal = logs(runId, runs);
                return journal.contains("[sink#0] state -> RUNNING") &&
                    journal.lines().anyMatch(l -> l.contains("[source#0]") && l.contains("running (0 input(s)"));
            });
            final List<ProcessHandle> devices = dpl.descendants();

            dpl.killForcibly();
            RunFixture.await("every device to exit after the Driver died", 15_000,
                () -> devices.stream().noneMatch(ProcessHandle::isAlive));

            final String journal = logs(runId, runs);
            assertTrue(journal.contains("[driver] run " + runId + " started"), journal);
            assertTrue(journal.contains("[sink#0] state -> RUNNING"), journal);
            assertTrue(journal.lines().anyMatch(l -> l.contains("[source#0]") && l.contains("running (0 input(s)")), journal);
            final String sinkOnly = logs(runId, runs, "--device", "sink");
            assertTrue(sinkOnly.lines().allMatch(l -> l.contains("[sink#0]")), sinkOnly);
            final JsonNode status = statusJson(runId, runs);
            assertEquals("dead", status.path("status").asText(), "a Driver killed with SIGKILL leaves no summary");
        }
        finally
        {
            // a Driver killed with SIGKILL cannot remove its shared memory; `dpl clean` does
            final ConsoleBuffer out = new ConsoleBuffer();
            Dpl.execute(new PrintWriter(out, true), new PrintWriter(out, true), "clean");
        }
    }

    static void awaitRunning(final DplProcess dpl)
    {
        RunFixture.await("the sink to be running", 60_000, () -> dpl.output().lines()
            .anyMatch(l -> l.startsWith("[sink#0]") && l.contains("running")));
    }

    static String runId(final String output)
    {
        final Matcher m = Pattern.compile("run (\\d{8}-\\d{6}-[0-9a-f]+):").matcher(output);
        assertTrue(m.find(), "no run id in the output:\n" + output);
        return m.group(1);
    }

    /** {@code dpl status RUN --json} in a JVM of its own: the counters are read by another process. */
    private static JsonNode statusJson(final String runId, final String runs)
    {
        try (DplProcess status = DplProcess.start("status", runId, "--runs-dir", runs, "--json"))
        {
            final int exit = status.waitFor(60);
            assertEquals(0, exit, status.output());
            final String out = status.output();
            return JSON.readTree(out.substring(out.indexOf('{')));
        }
        catch (final Exception ex)
        {
            throw new AssertionError(ex);
        }
    }

    private static JsonNode replica(final JsonNode status, final String device)
    {
        for (final JsonNode r : status.path("replicas"))
        {
            if (r.path("device").asText().equals(device))
            {
                return r;
            }
        }
        throw new AssertionError("no replica of " + device + " in " + status.toPrettyString());
    }

    private static String logs(final String runId, final String runs, final String... extra)
    {
        final ConsoleBuffer out = new ConsoleBuffer();
        final ConsoleBuffer err = new ConsoleBuffer();
        final String[] args = new String[4 + extra.length];
        args[0] = "logs";
        args[1] = runId;
        args[2] = "--runs-dir";
        args[3] = runs;
        System.arraycopy(extra, 0, args, 4, extra.length);
        final int exit = Dpl.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        assertEquals(0, exit, err.toString());
        return out.toString();
    }
}
