package org.jdpl.devices.builtin;

import static org.jdpl.devices.builtin.RunRig.device;
import static org.jdpl.devices.builtin.RunRig.route;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.aeron.Aeron;
import io.aeron.Publication;
import org.agrona.concurrent.UnsafeBuffer;
import org.jdpl.framework.run.DeviceExitCode;
import org.jdpl.framework.run.DeviceReport;
import org.jdpl.framework.run.RunLayout;
import org.jdpl.framework.runner.DeviceOutcome;
import org.jdpl.framework.runner.DeviceRunner;
import org.jdpl.framework.runner.RunFiles;
import org.jdpl.transport.ControlCommandCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Built-in devices wired by real device runners over real Aeron IPC in /dev/shm, one JVM. */
class PipelineTest
{
    @TempDir
    Path runDir;

    @Test
    @Timeout(90)
    void shouldDeliverEveryTimesliceExactlyOnceThroughThreeForwarders() throws Exception
    {
        final int timeslices = 3000;
        try (RunRig rig = new RunRig(runDir))
        {
            rig.plan(
                device("source", "counter-source", 1, "{timeslices = " + timeslices + ", payload-bytes = 200}",
                    List.of(), List.of("out:TST/COUNTER/0"), 0, 0, List.of(route("out", "TST/COUNTER/0", "fwd", 3, 100))),
                device("fwd", "forwarder", 3, "{}",
                    List.of("in:TST/COUNTER"), List.of("out:TST/FORWARD/0"), 100, 1, List.of(route("out", "TST/FORWARD/0", "sink", 1, 200))),
                device("sink", "checksum-sink", 1, "{expected-timeslices = " + timeslices + "}",
                    List.of("in:TST/FORWARD"), List.of(), 200, 3, List.of()));
            // the source first: it must wait for its consumers, losing nothing
            final DeviceRunner source = rig.start("source", 0);
            final DeviceRunner sink = rig.start("sink", 0);
            final DeviceRunner[] forwarders = {rig.start("fwd", 0), rig.start("fwd", 1), rig.start("fwd", 2)};

            final DeviceOutcome sinkOutcome = RunRig.await(sink);
            assertEquals(DeviceExitCode.OK, sinkOutcome.exitCode(), sinkOutcome.toString());
            assertEquals(timeslices, sinkOutcome.report().metrics().get("received"));
            assertEquals(0.0, sinkOutcome.report().metrics().get("duplicates"));
            assertEquals(0.0, sinkOutcome.report().metrics().get("missing"));
            assertEquals(0.0, sinkOutcome.report().metrics().get("corrupt"));
            assertEquals(timeslices, sinkOutcome.report().timeslicesIn());
            assertEquals(timeslices * 200L, sinkOutcome.report().bytesIn());

            final DeviceOutcome sourceOutcome = RunRig.await(source);
            assertEquals(DeviceExitCode.OK, sourceOutcome.exitCode(), sourceOutcome.toString());
            assertEquals(timeslices, sourceOutcome.report().timeslicesOut());
            for (int r = 0; r < 3; r++)
            {
                final DeviceOutcome outcome = RunRig.await(forwarders[r]);
                assertEquals(DeviceExitCode.OK, outcome.exitCode(), outcome.toString());
                assertEquals(timeslices / 3, outcome.report().timeslicesIn(), "timeslice t goes to replica t mod 3");
                assertEquals(timeslices / 3, outcome.report().timeslicesOut());
                assertEquals(0, outcome.report().errors());
            }

            final DeviceReport written = RunFiles.readReport(RunLayout.report(runDir, "sink", 0));
            assertEquals(sinkOutcome.report(), written);
            for (int r = 0; r < 3; r++)
            {
                assertTrue(Files.exists(RunLayout.report(runDir, "fwd", r)));
            }
            assertEquals("STOPPED", RunFiles.readReport(RunLayout.report(runDir, "source", 0)).state());
        }
    }

    @Test
    @Timeout(90)
    void shouldFailTheSinkWhenTimeslicesAreMissing() throws Exception
    {
        try (RunRig rig = new RunRig(runDir))
        {
            rig.plan(
                device("source", "counter-source", 1, "{timeslices = 50}",
                    List.of(), List.of("out:TST/COUNTER/0"), 0, 0, List.of(route("out", "TST/COUNTER/0", "sink", 1, 200))),
                device("sink", "checksum-sink", 1, "{expected-timeslices = 60}",
                    List.of("in:TST/COUNTER"), List.of(), 200, 1, List.of()));
            rig.start("source", 0);
            final DeviceOutcome outcome = RunRig.await(rig.start("sink", 0));
            assertEquals(DeviceExitCode.DEVICE_FAILED, outcome.exitCode());
            assertEquals("FAILED", outcome.report().state());
            assertTrue(outcome.report().failure().contains("10 missing"), outcome.report().failure());
            assertTrue(outcome.report().failure().contains("first missing: 50"), outcome.report().failure());
            assertEquals(10.0, outcome.report().metrics().get("missing"));
        }
    }

    @Test
    @Timeout(90)
    void shouldEndAnUnboundedSourceOnStop() throws Exception
    {
        try (RunRig rig = new RunRig(runDir);
            Aeron driverClient = Aeron.connect(new Aeron.Context().aeronDirectoryName(rig.aeronDir().toString()));
            Publication control = driverClient.addPublication("aeron:ipc", RunRig.CONTROL_STREAM_ID))
        {
            rig.plan(
                device("source", "counter-source", 1, "{timeslices = 0, rate-hz = 2000}",
                    List.of(), List.of("out:TST/COUNTER/0"), 0, 0, List.of(route("out", "TST/COUNTER/0", "sink", 1, 200))),
                device("sink", "checksum-sink", 1, "{}",
                    List.of("in:TST/COUNTER"), List.of(), 200, 1, List.of()));
            final DeviceRunner source = rig.start("source", 0);
            final DeviceRunner sink = rig.start("sink", 0);

            // As the Driver does: repeat STOP until the source has ended (a device that subscribed
            // after a command was sent does not see it).
            final UnsafeBuffer command = new UnsafeBuffer(new byte[ControlCommandCodec.LENGTH]);
            final int length = ControlCommandCodec.encode(command, 0, ControlCommandCodec.STOP, 0);
            DeviceOutcome sourceOutcome = null;
            while (sourceOutcome == null)
            {
                control.offer(command, 0, length);
                sourceOutcome = source.awaitOutcome(100, TimeUnit.MILLISECONDS);
            }
            assertEquals(DeviceExitCode.STOPPED, sourceOutcome.exitCode(), sourceOutcome.toString());
            final DeviceOutcome sinkOutcome = RunRig.await(sink);
            assertEquals(DeviceExitCode.OK, sinkOutcome.exitCode(), sinkOutcome.toString());
            assertEquals(sourceOutcome.report().timeslicesOut(), sinkOutcome.report().timeslicesIn());
            assertEquals(0.0, sinkOutcome.report().metrics().get("missing"));
            assertFalse(Files.exists(rig.shmDir().resolve("nothing")));
        }
    }

    @Test
    @Timeout(120)
    void shouldMeasureSourceToSinkRateWithSmallPayloads() throws Exception
    {
        final int timeslices = 200_000;
        try (RunRig rig = new RunRig(runDir))
        {
            rig.plan(
                device("source", "counter-source", 1, "{timeslices = " + timeslices + ", payload-bytes = 64}",
                    List.of(), List.of("out:TST/COUNTER/0"), 0, 0, List.of(route("out", "TST/COUNTER/0", "sink", 1, 200))),
                device("sink", "checksum-sink", 1, "{expected-timeslices = " + timeslices + "}",
                    List.of("in:TST/COUNTER"), List.of(), 200, 1, List.of()));
            final DeviceRunner sink = rig.start("sink", 0);
            final long startNs = System.nanoTime();
            final DeviceRunner source = rig.start("source", 0);
            final DeviceOutcome outcome = RunRig.await(sink);
            final long elapsedNs = System.nanoTime() - startNs;
            assertEquals(DeviceExitCode.OK, outcome.exitCode(), outcome.toString());
            assertEquals(timeslices, outcome.report().metrics().get("received"));
            RunRig.await(source);
            System.out.printf("source -> sink, 64 B payloads: %d timeslices in %.1f ms = %.0f timeslices/s " +
                    "(including start-up; source back-pressure %d ms)%n",
                timeslices, elapsedNs / 1e6, timeslices / (elapsedNs / 1e9),
                TimeUnit.NANOSECONDS.toMillis(source.outcome().report().backPressureNanos()));
        }
    }
}
