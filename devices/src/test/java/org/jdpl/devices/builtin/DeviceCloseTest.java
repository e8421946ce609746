package org.jdpl.devices.builtin;

import static org.jdpl.devices.builtin.RunRig.device;
import static org.jdpl.devices.builtin.RunRig.route;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jdpl.framework.driver.RunStatus;
import org.jdpl.framework.driver.RunSummary;
import org.jdpl.framework.testing.TopologyTester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A device's close is called on every way out of a real device process: end of stream, a failure, SIGTERM. */
class DeviceCloseTest
{
    private static final String TOPOLOGY = """
        devices {
          source   { use = counter-source, options { timeslices = 20 } }
          recorder { use = test-close-recorder }
        }
        """;

    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void shouldCloseAtEndOfStream() throws Exception
    {
        final RunSummary run = TopologyTester.of(TOPOLOGY).runIn(dir);
        assertEquals(RunStatus.OK, run.status(), String.valueOf(run.failure()));
        assertEquals("closed after 20 timeslice(s)\n", Files.readString(Path.of(run.runDir(), "closed.txt")));
    }

    @Test
    @Timeout(120)
    void shouldCloseWhenProcessFails() throws Exception
    {
        final RunSummary run = TopologyTester.of(TOPOLOGY).set("recorder.options.fail-at=5").runIn(dir);
        assertEquals(RunStatus.FAILED, run.status());
        assertTrue(run.failure().contains("failing on purpose at timeslice 5"), run.failure());
        assertEquals("closed after 5 timeslice(s)\n", Files.readString(Path.of(run.runDir(), "closed.txt")));
    }

    @Test
    @Timeout(60)
    void shouldCloseOnSigterm() throws Exception
    {
        final Path runDir = Files.createDirectories(dir.resolve("run"));
        try (RunRig rig = new RunRig(runDir))
        {
            rig.plan(
                device("source", "counter-source", 1, "{timeslices = 0, rate-hz = 200}",
                    List.of(), List.of("out:TST/COUNTER/0"), 0, 0, List.of(route("out", "TST/COUNTER/0", "recorder", 1, 200))),
                device("recorder", "test-close-recorder", 1, "{}", List.of("in:TST/COUNTER"), List.of(), 200, 1, List.of()));
            rig.start("source", 0);
            final Path log = runDir.resolve("recorder.out");
            final Process recorder = DeviceProcesses.start(runDir, "recorder", 0, log);
            DeviceProcesses.awaitRunning(recorder, log, "recorder");
            recorder.destroy(); // SIGTERM, as the Driver ends a run
            assertTrue(recorder.waitFor(20, TimeUnit.SECONDS), "the recorder ignored SIGTERM");
            assertEquals(128 + 15, recorder.exitValue(), Files.readString(log));
            assertTrue(Files.readString(runDir.resolve("closed.txt")).matches("closed after \\d+ timeslice\\(s\\)\n"),
                Files.readString(runDir.resolve("closed.txt")));
        }
    }
}
