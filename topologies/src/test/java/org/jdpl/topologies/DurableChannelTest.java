package org.jdpl.topologies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jdpl.framework.catalog.DeviceCatalog;
import org.jdpl.framework.run.DurableChannels;
import org.jdpl.framework.run.RunLayout;
import org.jdpl.framework.run.RunManifest;
import org.jdpl.framework.runner.RunFiles;
import org.jdpl.framework.topology.Compilation;
import org.jdpl.framework.topology.TopologyCompiler;
import org.jdpl.transport.EmbeddedMediaDriver;
import org.jdpl.transport.durable.AckFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A durable (Chronicle) edge: a consumer killed with SIGKILL mid-stream and started again resumes
 * just after its last acknowledged timeslice, and nothing on the edge is lost; afterwards the queue
 * replays as a source. Restart policies do not exist yet, so the test plays the Driver: it starts
 * the device processes ({@code DeviceMain}, real JVMs) from a run manifest and restarts the consumer.
 */
@Timeout(120)
class DurableChannelTest
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TIMESLICES = 3000;

    @TempDir
    Path dir;

    @Test
    void shouldResumeAKilledConsumerAfterItsLastAcknowledgedTimesliceWithNothingLost() throws Exception
    {
        final Path topology = Files.writeString(dir.resolve("durable.conf"), """
            channels { "TST/COUNTER" = chronicle }
            devices {
              source { use = counter-source, options { timeslices = %d, payload-bytes = 1K, rate-hz = 1000 } }
              sink   { use = checksum-sink, inputs = ["in:TST/COUNTER"], options { fail-on-error = false } }
            }
            """.formatted(TIMESLICES));
        final Compilation compilation = TopologyCompiler.compile(List.of(topology), List.of(), DeviceCatalog.load());
        assertTrue(compilation.ok(), compilation::problemReport);
        assertTrue(compilation.plan().device("source").routes().get(0).durable(), "the planner marks the edge durable");

        final Path runDir = Files.createDirectories(dir.resolve("run"));
        Files.createDirectories(runDir.resolve("reports"));
        final Path shmDir = Path.of("/dev/shm", "jdpl-test-durable-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        final Path queue = DurableChannels.queueDir(runDir, "source", 0, "out", "sink", 0);
        try (EmbeddedMediaDriver media = EmbeddedMediaDriver.launch(RunLayout.aeronDir(shmDir)))
        {
            final RunManifest manifest = new RunManifest("durable-test", runDir.toString(), shmDir.toString(),
                media.aeronDir().toString(), ProcessHandle.current().pid(), compilation.plan());
            RunFiles.writeManifest(RunLayout.manifest(runDir), manifest);
            final Path manifestFile = RunLayout.deviceManifest(runDir);

            final Process source = startDevice(manifestFile, "source", "source-log.txt");
            final Process firstSink = startDevice(manifestFile, "sink", "sink-1-log.txt");
            final long acknowledgedBeforeKill;
            try (AckFile acks = awaitAckFile(queue))
            {
                RunFixture.await("the sink to acknowledge 500 timeslices", 60_000, () -> acks.timeslice() >= 500);
                firstSink.destroyForcibly(); // SIGKILL, mid-stream
                firstSink.waitFor(30, TimeUnit.SECONDS);
                acknowledgedBeforeKill = acks.timeslice();
            }
            assertTrue(acknowledgedBeforeKill < TIMESLICES - 1, "killed before the end (acknowledged " + acknowledgedBeforeKill + ")");

            final Process secondSink = startDevice(manifestFile, "sink", "sink-2-log.txt");
            assertTrue(source.waitFor(60, TimeUnit.SECONDS), "source did not end");
            assertTrue(secondSink.waitFor(60, TimeUnit.SECONDS), "restarted sink did not end");
            assertEquals(0, source.exitValue(), () -> log("source-log.txt"));
            assertEquals(0, secondSink.exitValue(), () -> log("sink-2-log.txt"));

            final JsonNode metrics = JSON.readTree(RunLayout.report(runDir, "sink", 0).toFile()).path("metrics");
            final String what = "acknowledged " + acknowledgedBeforeKill + " before the kill; restarted sink: " + metrics;
            assertEquals(TIMESLICES - 1 - acknowledgedBeforeKill, metrics.path("received").asLong(),
                "the restarted sink takes exactly the timeslices after the last acknowledged one: " + what);
            assertEquals(acknowledgedBeforeKill + 1, metrics.path("missing").asLong(), "only those the first sink acknowledged: " + what);
            assertEquals(0, metrics.path("duplicates").asLong(), what);
            assertEquals(0, metrics.path("corrupt").asLong(), what);
            assertTrue(log("sink-2-log.txt").contains("resuming durable queue"), () -> log("sink-2-log.txt"));
        }
        finally
        {
            removeTree(shmDir);
        }

        replayAsASource(queue);
    }

    @Test
    void shouldResumeAfterTheLastAcknowledgedTimesliceWhenTheDriverRestartsTheConsumer() throws Exception
    {
        final RunFixture fixture = new RunFixture(dir);
        final Path topology = fixture.write("durable-restart.conf", """
            channels { "TST/COUNTER" = chronicle }
            devices {
              source { use = counter-source, options { timeslices = %d, payload-bytes = 1K, rate-hz = 1000 } }
              sink   { use = checksum-sink, inputs = ["in:TST/COUNTER"], on-crash = restart, options { fail-on-error = false } }
            }
            """.formatted(TIMESLICES));

        final CompletableFuture<RunResult> run = CompletableFuture.supplyAsync(() -> fixture.run(topology));
        RunFixture.await("the source to be running", 60_000, () ->
            fixture.console().lines().anyMatch(l -> l.startsWith("[source#0]") && l.contains("running")));
        RunFixture.await("some timeslices to be processed", 60_000, () -> fixture.console().contains("running") &&
            RunFixture.device("sink", 0) != null && ackedTimeslice(fixture) >= 300);
        final ProcessHandle victim = RunFixture.device("sink", 0);
        victim.destroyForcibly(); // SIGKILL; the Driver restarts the sink (on-crash = restart)

        final RunResult result = run.get(90, TimeUnit.SECONDS);

        assertEquals(0, result.exitCode(), result::describe);
        final Matcher resumed = Pattern.compile("resuming durable queue \\S+ after timeslice (\\d+)").matcher(result.out());
        assertTrue(resumed.find(), result::describe);
        final long acknowledged = Long.parseLong(resumed.group(1));
        assertEquals(TIMESLICES - 1 - acknowledged, result.metric("sink.received"),
            "the restarted sink takes exactly the timeslices after the last acknowledged one");
        assertEquals(acknowledged + 1, result.metric("sink.missing"), "nothing else is missing");
        assertEquals(0, result.metric("sink.duplicates") + result.metric("sink.corrupt"));
    }

    /** The sink's last acknowledged timeslice, read from its acknowledgement file in the run directory. */
    private static long ackedTimeslice(final RunFixture fixture)
    {
        final Matcher run = Pattern.compile("^run (\\S+): ", Pattern.MULTILINE).matcher(fixture.console());
        if (!run.find())
        {
            return -1;
        }
        final Path queue = DurableChannels.queueDir(fixture.runsDir().resolve(run.group(1)), "source", 0, "out", "sink", 0);
        if (!Files.exists(DurableChannels.ackFile(queue)))
        {
            return -1;
        }
        try (AckFile acks = AckFile.open(DurableChannels.ackFile(queue)))
        {
            return acks.timeslice();
        }
    }

    /** After the run, the queue replays every recorded timeslice, in order, through a normal run. */
    private void replayAsASource(final Path queue)
    {
        final RunFixture fixture = new RunFixture(dir);
        final Path replay = fixture.write("replay.conf", """
            devices {
              replay { use = tf-replayer, options { path = "%s" } }
              sink   { use = checksum-sink, inputs = ["in:TST/REPLAY"] }
            }
            """.formatted(queue));

        final RunResult result = fixture.run(replay);

        assertEquals(0, result.exitCode(), result::describe);
        assertEquals(TIMESLICES, result.metric("replay.replayed"));
        assertEquals(TIMESLICES, result.metric("sink.received"));
        assertEquals(0, result.metric("sink.missing") + result.metric("sink.duplicates") + result.metric("sink.corrupt"));
    }

    private Process startDevice(final Path manifestFile, final String device, final String logName) throws IOException
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("@" + System.getProperty("jdpl.jvmFlagsFile"));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("org.jdpl.framework.runner.DeviceMain");
        command.add(manifestFile.toString());
        command.add(device);
        command.add("0");
        final File log = dir.resolve(logName).toFile();
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    }

    private static AckFile awaitAckFile(final Path queue)
    {
        final Path file = DurableChannels.ackFile(queue);
        RunFixture.await("the sink's acknowledgement file", 60_000, () -> Files.exists(file));
        return AckFile.open(file);
    }

    private static void removeTree(final Path root) throws IOException
    {
        if (!Files.exists(root))
        {
            return;
        }
        try (Stream<Path> files = Files.walk(root))
        {
            for (final Path p : files.sorted(Comparator.reverseOrder()).toList())
            {
                Files.deleteIfExists(p);
            }
        }
    }

    private String log(final String name)
    {
        try
        {
            return Files.readString(dir.resolve(name));
        }
        catch (final IOException ex)
        {
            return "(no log " + name + ": " + ex.getMessage() + ")";
        }
    }
}
