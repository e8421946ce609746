package org.jdpl.topologies;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import java.io.PrintWriter;

import com.fasterxml.jackson.databind.JsonNode;
import org.jdpl.tools.Dpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code dpl run} as its own process: SIGINT drains gracefully; a dead Driver takes its devices with it. */
@Timeout(120)
class SignalRunTest
{
    private static final String ENDLESS = """
        devices {
          source { use = counter-source, options { timeslices = 0, payload-bytes = 512, rate-hz = 1000 } }
          fwd    { use = forwarder }
          sink   { use = checksum-sink }
        }
        """;

    @TempDir
    Path dir;

    @Test
    void shouldStopGracefullyOnSigintWithNothingLost() throws Exception
    {
        final Path topology = Files.writeString(dir.resolve("endless.conf"), ENDLESS);
        final Path summaryFile = dir.resolve("summary.json");
        try (DplProcess dpl = DplProcess.start("run", topology.toString(), "--summary-json", summaryFile.toString(),
            "--runs-dir", dir.resolve("runs").toString()))
        {
            // The source must be running too, or the stop may reach it before its first timeslice.
            RunFixture.await("the sink and the source to be running", 60_000, () -> dpl.output().lines()
                .filter(l -> (l.startsWith("[sink#0]") || l.startsWith("[source#0]")) && l.contains("running")).count() >= 2);

            dpl.signal("INT");
            final int exit = dpl.waitFor(60);

            assertEquals(130, exit, dpl.output());
            final RunResult result = new RunResult(exit, dpl.output(), "", RunResult.readSummary(summaryFile));
            assertNotNull(result.summary(), "no summary written:\n" + dpl.output());
            assertEquals("interrupted", result.status());
            assertTrue(result.timeslices("produced") > 0);
            assertEquals(result.timeslices("produced"), result.timeslices("completed"), "a graceful stop drains every timeslice");
            assertEquals(0, result.metric("sink.missing") + result.metric("sink.duplicates") + result.metric("sink.corrupt"));
            assertNoDeviceAlive(result.summary());
            assertFalse(Files.exists(Path.of("/dev/shm", "jdpl-" + result.summary().path("run").asText())));
        }
    }

    @Test
    void shouldEndEveryDeviceWhenTheDriverIsKilled() throws Exception
    {
        final Path topology = Files.writeString(dir.resolve("endless.conf"), ENDLESS);
        try (DplProcess dpl = DplProcess.start("run", topology.toString(), "--runs-dir", dir.resolve("runs").toString()))
        {
            RunFixture.await("the sink to be running", 60_000, () -> dpl.output().lines()
                .anyMatch(l -> l.startsWith("[sink#0]") && l.contains("running")));
            final List<ProcessHandle> devices = dpl.descendants();
            assertEquals(3, devices.size(), "three device processes: " + devices);
            final String runId = runId(dpl.output());

            dpl.killForcibly();

            // devices notice a dead Driver within 5 s and exit by themselves
            RunFixture.await("every device to exit after the Driver died", 15_000,
                () -> devices.stream().noneMatch(ProcessHandle::isAlive));
            // a Driver killed with SIGKILL cannot remove its shared memory; `dpl clean` does
            final Path shm = Path.of("/dev/shm", "jdpl-" + runId);
            assertTrue(Files.exists(shm));
            final ConsoleBuffer out = new ConsoleBuffer();
            assertEquals(0, Dpl.execute(new PrintWriter(out, true), new PrintWriter(out, true), "clean"));
            assertTrue(out.toString().contains("removing " + shm), out.toString());
            assertFalse(Files.exists(shm), shm + " still there after dpl clean");
        }
    }

    private static String runId(final String output)
    {
        final Matcher m = Pattern.compile("run (\\d{8}-\\d{6}-[0-9a-f]+):").matcher(output);
        assertTrue(m.find(), "no run id in the output:\n" + output);
        return m.group(1);
    }

    private static void assertNoDeviceAlive(final JsonNode summary)
    {
        for (final JsonNode device : summary.path("devices"))
        {
            final long pid = device.path("pid").asLong();
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "device pid " + pid + " alive");
        }
    }
}
