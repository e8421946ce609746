package org.jdpl.devices.builtin;

import static org.jdpl.devices.builtin.RunRig.device;
import static org.jdpl.devices.builtin.RunRig.route;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import io.aeron.Aeron;
import io.aeron.Publication;
import org.agrona.concurrent.UnsafeBuffer;
import org.jdpl.framework.run.DeviceExitCode;
import org.jdpl.framework.runner.DeviceOutcome;
import org.jdpl.framework.runner.DeviceRunner;
import org.jdpl.transport.MessageEncoder;
import org.jdpl.transport.MessageLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What the runner does with bad input and failing devices: count and drop, or fail clearly. */
class RunnerFailureTest
{
    @TempDir
    Path runDir;

    @Test
    @Timeout(60)
    void shouldCountAndDropCorruptMessagesWithoutCrashing() throws Exception
    {
        try (RunRig rig = new RunRig(runDir);
            Aeron intruder = Aeron.connect(new Aeron.Context().aeronDirectoryName(rig.aeronDir().toString()));
            Publication toSink = intruder.addPublication("aeron:ipc", 200))
        {
            rig.plan(
                device("source", "counter-source", 1, "{timeslices = 100}",
                    List.of(), List.of("out:TST/COUNTER/0"), 0, 0, List.of(route("out", "TST/COUNTER/0", "sink", 1, 200))),
                device("sink", "checksum-sink", 1, "{expected-timeslices = 100}",
                    List.of("in:TST/COUNTER"), List.of(), 200, 1, List.of()));
            final DeviceRunner sink = rig.start("sink", 0);
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!toSink.isConnected())
            {
                assertTrue(System.nanoTime() < deadline, "the sink did not subscribe");
                Thread.onSpinWait();
            }
            final byte[] noise = new byte[300];
            new Random(7).nextBytes(noise);
            offer(toSink, new UnsafeBuffer(noise), noise.length);                 // not O2 at all
            offer(toSink, new UnsafeBuffer(new byte[100]), 100);                  // shorter than a header
            final UnsafeBuffer foreign = new UnsafeBuffer(new byte[MessageLayout.PAYLOAD_OFFSET + 8]);
            new MessageEncoder().wrap(foreign, 0).writeHeaderBlock("ITS", "DIGITS", 0).stamp(8, 0, 0);
            offer(toSink, foreign, foreign.capacity());                           // well formed, matches no input
            final UnsafeBuffer lying = new UnsafeBuffer(new byte[MessageLayout.PAYLOAD_OFFSET + 8]);
            new MessageEncoder().wrap(lying, 0).writeHeaderBlock("TST", "COUNTER", 0).stamp(4096, 0, 0);
            offer(toSink, lying, lying.capacity());                               // payloadSize beyond the message

            rig.start("source", 0);
            final DeviceOutcome outcome = RunRig.await(sink);
            assertEquals(DeviceExitCode.OK, outcome.exitCode(), outcome.toString());
            assertEquals(100.0, outcome.report().metrics().get("received"));
            assertEquals(0.0, outcome.report().metrics().get("corrupt"));
            assertEquals(4, outcome.report().errors());
        }
    }

    @Test
    @Timeout(60)
    void shouldFailClearlyOnAPayloadTooLargeForOneMessage() throws Exception
    {
        try (RunRig rig = new RunRig(runDir))
        {
            rig.plan(
                device("source", "counter-source", 1, "{payload-bytes = 3M}",
                    List.of(), List.of("out:TST/COUNTER/0"), 0, 0, List.of(route("out", "TST/COUNTER/0", "sink", 1, 200))),
                device("sink", "checksum-sink", 1, "{}", List.of("in:TST/COUNTER"), List.of(), 200, 1, List.of()));
            rig.start("sink", 0);
            final DeviceOutcome outcome = RunRig.await(rig.start("source", 0));
            assertEquals(DeviceExitCode.DEVICE_FAILED, outcome.exitCode());
            assertEquals("FAILED", outcome.report().state());
            final String failure = outcome.report().failure();
            assertTrue(failure.startsWith("device 'source' failed in process at timeslice 0"), failure);
            assertTrue(failure.contains("output 'out': a payload of 3145728 bytes does not fit in one message (at most 2096992 bytes"),
                failure);
        }
    }

    @Test
    @Timeout(60)
    void shouldFailClearlyWhenADeviceUsesALabelItDoesNotHave() throws Exception
    {
        try (RunRig rig = new RunRig(runDir))
        {
            rig.plan(
                device("source", "counter-source", 1, "{timeslices = 10}",
                    List.of(), List.of("out:TST/COUNTER/0"), 0, 0, List.of(route("out", "TST/COUNTER/0", "fwd", 1, 100))),
                // a topology renamed the forwarder's output label: a mistake the device reports
                device("fwd", "forwarder", 1, "{}",
                    List.of("in:TST/COUNTER"), List.of("x:TST/FORWARD/0"), 100, 1, List.of(route("x", "TST/FORWARD/0", "sink", 1, 200))),
                device("sink", "checksum-sink", 1, "{}", List.of("in:TST/FORWARD"), List.of(), 200, 1, List.of()));
            rig.start("sink", 0);
            rig.start("source", 0);
            final DeviceOutcome outcome = RunRig.await(rig.start("fwd", 0));
            assertEquals(DeviceExitCode.DEVICE_FAILED, outcome.exitCode());
            assertTrue(outcome.report().failure().startsWith("device 'fwd' failed in process at timeslice 0: IllegalArgumentException: " +
                "device 'fwd' has no output labelled 'out'; its outputs are [x]"), outcome.report().failure());
            assertTrue(outcome.report().failure().contains("(at org.jdpl.devices.builtin.Forwarder."),
                "names the device's own frame: " + outcome.report().failure());
            assertEquals(1, outcome.report().errors());
        }
    }

    private static void offer(final Publication publication, final UnsafeBuffer buffer, final int length)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (publication.offer(buffer, 0, length) < 0)
        {
            assertTrue(System.nanoTime() < deadline, "offer failed");
            Thread.onSpinWait();
        }
    }
}
