package org.jdpl.topologies;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jdpl.framework.counters.CounterType;
import org.jdpl.framework.counters.CountersSnapshot;
import org.jdpl.framework.counters.DeviceState;
import org.jdpl.framework.counters.ReplicaSample;
import org.jdpl.framework.counters.RunCountersFile;
import org.jdpl.tools.Dpl;
import org.jdpl.tools.view.RunEntry;
import org.jdpl.tools.view.RunLocator;
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

    /**
     * Without RUN, {@code dpl logs} and {@code dpl status} show the live run if exactly one is live
     * (here the older of two runs), else the most recent, and name it on their first line.
     */
    @Test
    void shouldPickTheOnlyLiveRunElseTheMostRecentWhenRunIsLeftOut() throws Exception
    {
        final Path endless = Files.writeString(dir.resolve("endless.conf"), ENDLESS);
        final RunFixture fixture = new RunFixture(dir);
        final String runs = fixture.runsDir().toString();
        try (DplProcess dpl = DplProcess.start("run", endless.toString(), "--runs-dir", runs))
        {
            awaitRunning(dpl);
            final String live = runId(dpl.output());
            RunFixture.await("the journal to hold the run's start", 30_000,
                () -> logs(live, runs).contains("[driver] run " + live + " started"));
            final RunResult finished = fixture.run(fixture.write("short.conf", """
                devices {
                  source { use = counter-source, options { timeslices = 10 } }
                  fwd    { use = forwarder }
                  sink   { use = checksum-sink }
                }
                """));
            assertEquals(0, finished.exitCode(), finished::describe);
            final String recent = finished.summary().path("run").asText();

            final String liveLogs = dpl("logs", "--runs-dir", runs);
            assertEquals("run " + live + " (the only live run; give RUN for another)", liveLogs.lines().findFirst().orElseThrow(), liveLogs);
            assertTrue(liveLogs.contains("[driver] run " + live + " started"), liveLogs);
            final String liveStatus = dpl("status", "--runs-dir", runs);
            assertTrue(liveStatus.startsWith("run " + live + " (the only live run"), liveStatus);
            assertTrue(liveStatus.lines().skip(1).findFirst().orElseThrow().startsWith("run " + live + ": running"), liveStatus);
            assertEquals(live, JSON.readTree(dpl("status", "--runs-dir", runs, "--json")).path("run").asText(),
                "with --json the pick is told on stderr: stdout stays JSON");

            dpl.signal("TERM");
            assertEquals(130, dpl.waitFor(60), dpl.output());
            final String recentLogs = dpl("logs", "--runs-dir", runs);
            assertEquals("run " + recent + " (the most recent run; none is live; give RUN for another)",
                recentLogs.lines().findFirst().orElseThrow(), recentLogs);
            assertTrue(recentLogs.contains("[driver] run " + recent + " started"), recentLogs);
            assertTrue(dpl("status", "--runs-dir", runs).startsWith("run " + recent + " (the most recent run"));
            assertEquals(2, JSON.readTree(dpl("status", "--list", "--runs-dir", runs, "--json")).size(), "--list lists them all");
        }
    }

    /**
     * 100 timeslices of 40 ms each queue in front of a forwarder, which drains up to 64 of them per
     * duty cycle. Another process reading the counters file must see its count and heartbeat move
     * through the backlog, not jump once per duty cycle: published at duty-cycle ends only, the count
     * could take at most 4 values (0, about 64, 100, and one short first cycle).
     */
    @Test
    void shouldKeepABusyDevicesCountersLiveWhileItDrainsABacklog() throws Exception
    {
        final Path topology = Files.writeString(dir.resolve("backlog.conf"), """
            devices {
              source { use = counter-source, options { timeslices = 100, payload-bytes = 256 } }
              fwd    { use = forwarder, options { work-us = 40000 } }
              sink   { use = checksum-sink }
            }
            """);
        final Path runs = dir.resolve("runs");
        final Path summary = dir.resolve("summary.json");
        try (DplProcess dpl = DplProcess.start("run", topology.toString(), "--runs-dir", runs.toString(),
            "--summary-json", summary.toString()))
        {
            final RunCountersFile counters = awaitCountersFile(new RunLocator(runs));
            final Set<Long> counts = new TreeSet<>();
            final Set<Long> heartbeats = new TreeSet<>();
            try (counters)
            {
                DeviceState state = DeviceState.CREATED;
                while (state.compareTo(DeviceState.ENDING) < 0 && dpl.isAlive())
                {
                    final ReplicaSample fwd = CountersSnapshot.read(counters).replica("fwd", 0);
                    state = fwd.state();
                    if (state == DeviceState.RUNNING)
                    {
                        counts.add(fwd.get(CounterType.TIMESLICES_IN));
                        heartbeats.add(fwd.get(CounterType.HEARTBEAT_MS));
                    }
                    TimeUnit.MILLISECONDS.sleep(5); // the pace of a reader, not a synchronisation
                }
            }

            assertEquals(0, dpl.waitFor(120), dpl.output());
            assertEquals(100, JSON.readTree(summary.toFile()).path("timeslices").path("completed").asLong());
            assertTrue(counts.size() >= 10, "TIMESLICES_IN seen at " + counts + " while the forwarder was running");
            assertTrue(heartbeats.size() >= 10, "the heartbeat seen at " + heartbeats.size() + " values while the forwarder was running");
        }
    }

    /** The counters file of the one run in {@code locator}'s directory, once the Driver made it. */
    private static RunCountersFile awaitCountersFile(final RunLocator locator)
    {
        final RunCountersFile[] opened = new RunCountersFile[1];
        RunFixture.await("the run's counters file", 60_000, () ->
        {
            final List<RunEntry> entries = locator.list();
            if (entries.isEmpty())
            {
                return false;
            }
            try
            {
                opened[0] = RunCountersFile.open(entries.getFirst().countersFile());
                return true;
            }
            catch (final IOException ex)
            {
                return false; // not made yet
            }
        });
        return opened[0];
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
        final String[] args = new String[4 + extra.length];
        args[0] = "logs";
        args[1] = runId;
        args[2] = "--runs-dir";
        args[3] = runs;
        System.arraycopy(extra, 0, args, 4, extra.length);
        return dpl(args);
    }

    /** {@code dpl ARGS} in this process; its standard output, after checking it exited 0. */
    private static String dpl(final String... args)
    {
        final ConsoleBuffer out = new ConsoleBuffer();
        final ConsoleBuffer err = new ConsoleBuffer();
        final int exit = Dpl.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        assertEquals(0, exit, err.toString());
        return out.toString();
    }
}
