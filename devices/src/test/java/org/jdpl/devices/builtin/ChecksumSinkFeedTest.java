package org.jdpl.devices.builtin;

import static org.jdpl.devices.builtin.RunRig.device;
import static org.jdpl.devices.builtin.RunRig.route;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jdpl.framework.run.DeviceExitCode;
import org.jdpl.framework.run.DeviceReport;
import org.jdpl.framework.run.RunLayout;
import org.jdpl.framework.runner.DeviceOutcome;
import org.jdpl.framework.runner.RunFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checksum sink fed by hand on the real wire: timeslices 0..9, of which 3 has a flipped byte, 5 carries
 * the intact payload of another timeslice, and 7 comes twice. Each is counted in the sink's metrics (which
 * the run summary shows) and fails the sink at the end. Once with the sink on a thread of this JVM, once as
 * a device process of its own.
 */
class ChecksumSinkFeedTest
{
    private static final int SINK_STREAM = 200;
    private static final int PAYLOAD_BYTES = 256;
    private static final Map<String, Double> EXPECTED = Map.of("received", 11.0, "corrupt", 2.0, "duplicates", 1.0, "missing", 2.0);
    private static final String EXPECTED_TEXT = "11 received, 1 duplicate(s), 2 missing, 2 corrupt, of 10 expected";

    @TempDir
    Path runDir;

    @Test
    @Timeout(60)
    void shouldCountEachDamageInProcess() throws Exception
    {
        try (RunRig rig = planned(new RunRig(runDir)))
        {
            final var sink = rig.start("sink", 0);
            feed(rig);

            final DeviceOutcome outcome = RunRig.await(sink);
            assertEquals(DeviceExitCode.DEVICE_FAILED, outcome.exitCode(), outcome.toString());
            assertCounted(outcome.report());
        }
    }

    @Test
    @Timeout(60)
    void shouldCountEachDamageInADeviceProcess() throws Exception
    {
        try (RunRig rig = planned(new RunRig(runDir)))
        {
            final Path log = runDir.resolve("sink.out");
            final Process sink = DeviceProcesses.start(runDir, "sink", 0, log);
            feed(rig);

            assertTrue(sink.waitFor(45, TimeUnit.SECONDS), "the sink process did not end");
            assertEquals(DeviceExitCode.DEVICE_FAILED, sink.exitValue(), Files.readString(log));
            assertCounted(RunFiles.readReport(RunLayout.report(runDir, "sink", 0)));
        }
    }

    /** A producer that is never started (the test sends in its place) and the sink, expecting 10 timeslices. */
    private static RunRig planned(final RunRig rig)
    {
        rig.plan(
            device("feeder", "counter-source", 1, "{}", List.of(), List.of("out:TST/COUNTER/0"), 0, 0,
                List.of(route("out", "TST/COUNTER/0", "sink", 1, SINK_STREAM))),
            device("sink", "checksum-sink", 1, "{expected-timeslices = 10}", List.of("in:TST/COUNTER"), List.of(), SINK_STREAM, 1,
                List.of()));
        return rig;
    }

    private static void feed(final RunRig rig)
    {
        try (HandFeeder feeder = new HandFeeder(rig.aeronDir(), SINK_STREAM, "TST", "COUNTER", PAYLOAD_BYTES))
        {
            for (long t = 0; t < 10; t++)
            {
                if (t == 3)
                {
                    feeder.sendCorrupt(t);
                }
                else if (t == 5)
                {
                    feeder.sendMisnumbered(t, 1005);
                }
                else
                {
                    feeder.send(t);
                }
            }
            feeder.send(7);
            feeder.endOfStream(11);
        }
    }

    private static void assertCounted(final DeviceReport report)
    {
        for (final Map.Entry<String, Double> metric : EXPECTED.entrySet())
        {
            assertEquals(metric.getValue(), report.metrics().get(metric.getKey()), metric.getKey() + " in " + report.metrics());
        }
        assertTrue(report.failure().contains(EXPECTED_TEXT), report.failure());
    }
}
