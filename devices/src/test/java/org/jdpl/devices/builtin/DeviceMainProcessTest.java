package org.jdpl.devices.builtin;

import static org.jdpl.devices.builtin.RunRig.device;
import static org.jdpl.devices.builtin.RunRig.route;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jdpl.framework.run.DeviceExitCode;
import org.jdpl.framework.run.DeviceReport;
import org.jdpl.framework.run.RunLayout;
import org.jdpl.framework.runner.DeviceOutcome;
import org.jdpl.framework.runner.DeviceRunner;
import org.jdpl.framework.runner.RunFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** DeviceMain as a real separate JVM: exit codes, reports, and wiring across processes. */
class DeviceMainProcessTest
{
    @TempDir
    Path runDir;

    @Test
    @Timeout(60)
    void shouldRunASourceProcessFeedingASinkInThisJvm() throws Exception
    {
        try (RunRig rig = new RunRig(runDir))
        {
            rig.plan(
                device("source", "counter-source", 1, "{timeslices = 500, payload-bytes = 1000}",
                    List.of(), List.of("out:TST/COUNTER/0"), 0, 0, List.of(route("out", "TST/COUNTER/0", "sink", 1, 200))),
                device("sink", "checksum-sink", 1, "{expected-timeslices = 500}",
                    List.of("in:TST/COUNTER"), List.of(), 200, 1, List.of()));
            final DeviceRunner sink = rig.start("sink", 0);
            final Path log = runDir.resolve("source.out");
            final Process source = DeviceProcesses.start(runDir, "source", 0, log);
            assertTrue(source.waitFor(45, TimeUnit.SECONDS), "the source process did not end");
            assertEquals(DeviceExitCode.OK, source.exitValue(), Files.readString(log));

            final DeviceReport report = RunFiles.readReport(RunLayout.report(runDir, "source", 0));
            assertEquals("STOPPED", report.state());
            assertEquals(500, report.timeslicesOut());
            assertEquals(500_000, report.bytesOut());

            final DeviceOutcome sinkOutcome = RunRig.await(sink);
            assertEquals(DeviceExitCode.OK, sinkOutcome.exitCode(), sinkOutcome.toString());
            assertEquals(500.0, sinkOutcome.report().metrics().get("received"));
            assertTrue(Files.readString(log).matches("(?s)\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO DeviceRunner - source: running.*"),
                "log lines: short time, level, short logger name, no thread:\n" + Files.readString(log));
        }
    }

    @Test
    @Timeout(60)
    void shouldExitWithBadSetupForAnUnknownDevice() throws Exception
    {
        try (RunRig rig = new RunRig(runDir))
        {
            rig.plan(device("sink", "checksum-sink", 1, "{}", List.of("in:TST/COUNTER"), List.of(), 200, 1, List.of()));
            final Path log = runDir.resolve("nope.out");
            final Process process = DeviceProcesses.start(runDir, "nope", 0, log);
            assertTrue(process.waitFor(45, TimeUnit.SECONDS));
            assertEquals(DeviceExitCode.BAD_SETUP, process.exitValue(), Files.readString(log));
            assertTrue(Files.readString(log).contains("has no device 'nope'; its devices are sink"), Files.readString(log));
            assertEquals("FAILED", RunFiles.readReport(RunLayout.report(runDir, "nope", 0)).state());
        }
    }

    @Test
    @Timeout(60)
    void shouldExitWithinFiveSecondsOfTheDriversDeath() throws Exception
    {
        final Process fakeDriver = new ProcessBuilder("sleep", "120").start();
        try (RunRig rig = new RunRig(runDir))
        {
            rig.plan(fakeDriver.pid(),
                device("sink", "checksum-sink", 1, "{}", List.of("in:TST/COUNTER"), List.of(), 200, 1, List.of()));
            final Path log = runDir.resolve("sink.out");
            final Process sink = DeviceProcesses.start(runDir, "sink", 0, log);
            DeviceProcesses.awaitRunning(sink, log, "sink");
            fakeDriver.destroyForcibly().waitFor();
            final long killedNs = System.nanoTime();
            assertTrue(sink.waitFor(10, TimeUnit.SECONDS), "the sink outlived its Driver");
            final long exitMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedNs);
            assertEquals(DeviceExitCode.DRIVER_LOST, sink.exitValue(), Files.readString(log));
            assertTrue(exitMs < 5_000, "exited " + exitMs + " ms after the Driver died");
            final DeviceReport report = RunFiles.readReport(RunLayout.report(runDir, "sink", 0));
            assertEquals("FAILED", report.state());
            assertTrue(report.failure().contains("Driver process (pid " + fakeDriver.pid() + ") is gone"), report.failure());
        }
        finally
        {
            fakeDriver.destroyForcibly();
        }
    }

    @Test
    @Timeout(60)
    void shouldWriteItsReportWhenTerminated() throws Exception
    {
        try (RunRig rig = new RunRig(runDir))
        {
            rig.plan(device("sink", "checksum-sink", 1, "{}", List.of("in:TST/COUNTER"), List.of(), 200, 1, List.of()));
            final Path log = runDir.resolve("sink.out");
            final Process sink = DeviceProcesses.start(runDir, "sink", 0, log);
            DeviceProcesses.awaitRunning(sink, log, "sink");
            final String status = Files.readString(Path.of("/proc", Long.toString(sink.pid()), "status"));
            System.out.println("idle sink device process: " + status.lines().filter(l -> l.startsWith("VmRSS") || l.startsWith("Threads"))
                .map(l -> l.replaceAll("\\s+", " ")).toList());
            sink.destroy(); // SIGTERM, as the Driver ends a run
            assertTrue(sink.waitFor(20, TimeUnit.SECONDS), "the sink ignored SIGTERM");
            assertEquals(128 + 15, sink.exitValue(), Files.readString(log));
            final DeviceReport report = RunFiles.readReport(RunLayout.report(runDir, "sink", 0));
            assertEquals("STOPPED", report.state());
            assertEquals(null, report.failure());
            assertTrue(Files.readString(log).contains("sink: closed before end of stream"), Files.readString(log));
        }
    }
}
