package org.jdpl.devices.builtin;

import static org.jdpl.devices.builtin.RunRig.device;
import static org.jdpl.devices.builtin.RunRig.route;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.jdpl.framework.plan.FanOut;
import org.jdpl.framework.plan.HostPlacement;
import org.jdpl.framework.plan.NetSettings;
import org.jdpl.framework.plan.PlannedDevice;
import org.jdpl.framework.plan.PlannedHost;
import org.jdpl.framework.run.DeviceExitCode;
import org.jdpl.framework.runner.DeviceOutcome;
import org.jdpl.framework.runner.DeviceRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Two "hosts" on loopback: each rig has its own media driver, /dev/shm directory and payload
 * segment, as two machines would; edges between them are Aeron UDP on 127.0.0.1, edges inside one
 * stay IPC. Every timeslice must arrive exactly once with an intact checksum.
 */
class CrossHostTest
{
    /** Ports from the process id, so that runs in parallel (other builds on this machine) do not collide. */
    private static final int BASE_PORT = 20_000 + (int)(ProcessHandle.current().pid() % 20_000);

    @TempDir
    Path dir;

    private static HostPlacement placement(final Map<String, List<String>> replicaHosts, final int termLengthBytes)
    {
        return placement(replicaHosts, new NetSettings(8192, 0, 0, termLengthBytes, BASE_PORT));
    }

    private static HostPlacement placement(final Map<String, List<String>> replicaHosts, final NetSettings net)
    {
        return new HostPlacement(List.of(new PlannedHost("h1", "127.0.0.1"), new PlannedHost("h2", "127.0.0.1"),
            new PlannedHost("h3", "127.0.0.1")), replicaHosts, net);
    }

    @Test
    @Timeout(90)
    void shouldDeliverEveryTimesliceOnceAcrossHostsWithReplicasOnBoth() throws Exception
    {
        final int timeslices = 2000;
        final PlannedDevice[] devices = {
            device("source", "counter-source", 1, "{timeslices = " + timeslices + ", payload-bytes = 300}",
                List.of(), List.of("out:TST/COUNTER/0"), 0, 0, List.of(route("out", "TST/COUNTER/0", "fwd", 2, 100))),
            device("fwd", "forwarder", 2, "{}",
                List.of("in:TST/COUNTER"), List.of("out:TST/FORWARD/0"), 100, 1, List.of(route("out", "TST/FORWARD/0", "sink", 1, 200))),
            device("sink", "checksum-sink", 1, "{expected-timeslices = " + timeslices + "}",
                List.of("in:TST/FORWARD"), List.of(), 200, 2, List.of())};
        final HostPlacement placement = placement(
            Map.of("source", List.of("h1"), "fwd", List.of("h1", "h2"), "sink", List.of("h2")), NetSettings.DEFAULT_TERM_LENGTH_BYTES);
        try (RunRig h1 = new RunRig(Files.createDirectory(dir.resolve("h1")));
            RunRig h2 = new RunRig(Files.createDirectory(dir.resolve("h2"))))
        {
            h1.plan(placement, devices);
            h2.plan(placement, devices);
            final DeviceRunner source = h1.start("source", 0);
            final DeviceRunner fwd0 = h1.start("fwd", 0);
            final DeviceRunner fwd1 = h2.start("fwd", 1);
            final DeviceRunner sink = h2.start("sink", 0);

            final DeviceOutcome outcome = RunRig.await(sink);
            assertEquals(DeviceExitCode.OK, outcome.exitCode(), outcome.toString());
            assertEquals(timeslices, outcome.report().metrics().get("received"));
            assertEquals(0.0, outcome.report().metrics().get("duplicates"));
            assertEquals(0.0, outcome.report().metrics().get("missing"));
            assertEquals(0.0, outcome.report().metrics().get("corrupt"));
            assertEquals(timeslices / 2, RunRig.await(fwd0).report().timeslicesIn(), "even timeslices: IPC from the source");
            assertEquals(timeslices / 2, RunRig.await(fwd1).report().timeslicesIn(), "odd timeslices: UDP from h1");
            assertEquals(DeviceExitCode.OK, RunRig.await(source).exitCode());
        }
    }

    /**
     * One source on h1, two sinks that each take every timeslice, on h2 and h3. Under
     * multi-destination-cast the source sends each part once for both; unicast sends it once per sink.
     * Without a segment the payload is sent from the output's own buffer, with one from a segment block.
     */
    @ParameterizedTest(name = "{0}, segment {1}")
    @CsvSource({"MDC, true, 1", "MDC, false, 1", "UNICAST, true, 2"})
    @Timeout(90)
    void shouldSendEachPartOnceToConsumersOnSeveralHostsThatTakeEveryMessage(final FanOut fanOut, final boolean segment,
        final int sendsPerPart) throws Exception
    {
        final int timeslices = 40;
        final PlannedDevice[] devices = {
            device("source", "counter-source", 1, "{timeslices = " + timeslices + ", payload-bytes = 300000}",
                List.of(), List.of("out:TST/COUNTER/0"), 0, 0,
                List.of(route("out", "TST/COUNTER/0", "a", 1, 100), route("out", "TST/COUNTER/0", "b", 1, 200))),
            device("a", "checksum-sink", 1, "{expected-timeslices = " + timeslices + "}",
                List.of("in:TST/COUNTER"), List.of(), 100, 1, List.of()),
            device("b", "checksum-sink", 1, "{expected-timeslices = " + timeslices + "}",
                List.of("in:TST/COUNTER"), List.of(), 200, 1, List.of())};
        final HostPlacement placement = placement(Map.of("source", List.of("h1"), "a", List.of("h2"), "b", List.of("h3")),
            new NetSettings(8192, 0, 0, 256 * 1024, BASE_PORT).withFanOut(fanOut));
        final long segmentBytes = segment ? 64L << 20 : 0;
        try (RunRig h1 = rig("h1", segmentBytes); RunRig h2 = rig("h2", segmentBytes); RunRig h3 = rig("h3", segmentBytes))
        {
            h1.plan(placement, devices);
            h2.plan(placement, devices);
            h3.plan(placement, devices);
            final DeviceRunner source = h1.start("source", 0);
            final DeviceRunner a = h2.start("a", 0);
            final DeviceRunner b = h3.start("b", 0);

            for (final DeviceRunner sink : List.of(a, b))
            {
                final DeviceOutcome outcome = RunRig.await(sink);
                assertEquals(DeviceExitCode.OK, outcome.exitCode(), outcome.toString());
                assertEquals(timeslices, outcome.report().metrics().get("received"));
                assertEquals(0.0, outcome.report().metrics().get("duplicates"));
                assertEquals(0.0, outcome.report().metrics().get("corrupt"));
                assertEquals(timeslices * 10.0, outcome.report().metrics().get("net.partsIn"));
            }
            final DeviceOutcome sent = RunRig.await(source);
            assertEquals(DeviceExitCode.OK, sent.exitCode(), sent.toString());
            assertEquals(timeslices * 10.0 * sendsPerPart, sent.report().metrics().get("net.partsOut"), sent.report().metrics().toString());
            assertEquals(fanOut == FanOut.MDC ? 1.0 : null, sent.report().metrics().get("net.fanOutStreams"));
        }
    }

    /**
     * A fan-out stream goes at the pace of its slowest member: h2's consumer is a slow stage, h3's a
     * fast sink, and the source sends far more than a term holds. Were the fastest to set the pace
     * (Aeron's default for multi-destination-cast), h2 would fall out of the retransmit window and lose
     * timeslices.
     */
    @Test
    @Timeout(90)
    void shouldLetTheSlowestConsumerOfAFanOutSetThePace() throws Exception
    {
        final int timeslices = 1500;
        final PlannedDevice[] devices = {
            device("source", "counter-source", 1, "{timeslices = " + timeslices + ", payload-bytes = 16000}",
                List.of(), List.of("out:TST/COUNTER/0"), 0, 0,
                List.of(route("out", "TST/COUNTER/0", "slow", 1, 100), route("out", "TST/COUNTER/0", "fast", 1, 200))),
            device("slow", "forwarder", 1, "{work-us = 1000}",
                List.of("in:TST/COUNTER"), List.of("out:TST/FORWARD/0"), 100, 1, List.of(route("out", "TST/FORWARD/0", "slow-sink", 1, 300))),
            device("slow-sink", "checksum-sink", 1, "{expected-timeslices = " + timeslices + "}",
                List.of("in:TST/FORWARD"), List.of(), 300, 1, List.of()),
            device("fast", "checksum-sink", 1, "{expected-timeslices = " + timeslices + "}",
                List.of("in:TST/COUNTER"), List.of(), 200, 1, List.of())};
        final HostPlacement placement = placement(
            Map.of("source", List.of("h1"), "slow", List.of("h2"), "slow-sink", List.of("h2"), "fast", List.of("h3")),
            new NetSettings(8192, 0, 0, 256 * 1024, BASE_PORT));
        try (RunRig h1 = rig("h1", 0); RunRig h2 = rig("h2", 0); RunRig h3 = rig("h3", 0))
        {
            h1.plan(placement, devices);
            h2.plan(placement, devices);
            h3.plan(placement, devices);
            final DeviceRunner source = h1.start("source", 0);
            final DeviceRunner slow = h2.start("slow", 0);
            final DeviceRunner slowSink = h2.start("slow-sink", 0);
            final DeviceRunner fast = h3.start("fast", 0);

            for (final DeviceRunner sink : List.of(fast, slowSink))
            {
                final DeviceOutcome outcome = RunRig.await(sink);
                assertEquals(DeviceExitCode.OK, outcome.exitCode(), outcome.toString());
                assertEquals(timeslices, outcome.report().metrics().get("received"), outcome.toString());
                assertEquals(0.0, outcome.report().metrics().get("missing"));
                assertEquals(0.0, outcome.report().metrics().get("corrupt"));
            }
            assertEquals(DeviceExitCode.OK, RunRig.await(slow).exitCode());
            final DeviceOutcome sent = RunRig.await(source);
            assertEquals(1.0, sent.report().metrics().get("net.fanOutStreams"), sent.toString());
        }
    }

    private RunRig rig(final String host, final long segmentBytes) throws java.io.IOException
    {
        final RunRig rig = new RunRig(Files.createDirectory(dir.resolve(host)));
        return segmentBytes > 0 ? rig.withSegment(segmentBytes) : rig;
    }

    @Test
    @Timeout(90)
    void shouldCarryPayloadsLargerThanOneUdpMessageInParts() throws Exception
    {
        // 256 KiB terms allow 32 KiB messages: a 300 KB payload crosses in 10 parts, from h1's segment into h2.
        final int timeslices = 40;
        final PlannedDevice[] devices = {
            device("source", "counter-source", 1, "{timeslices = " + timeslices + ", payload-bytes = 300000}",
                List.of(), List.of("out:TST/COUNTER/0"), 0, 0, List.of(route("out", "TST/COUNTER/0", "sink", 1, 100))),
            device("sink", "checksum-sink", 1, "{expected-timeslices = " + timeslices + "}",
                List.of("in:TST/COUNTER"), List.of(), 100, 1, List.of())};
        final HostPlacement placement = placement(Map.of("source", List.of("h1"), "sink", List.of("h2")), 256 * 1024);
        try (RunRig h1 = new RunRig(Files.createDirectory(dir.resolve("h1"))).withSegment(64L << 20);
            RunRig h2 = new RunRig(Files.createDirectory(dir.resolve("h2"))).withSegment(64L << 20))
        {
            h1.plan(placement, devices);
            h2.plan(placement, devices);
            final DeviceRunner source = h1.start("source", 0);
            final DeviceRunner sink = h2.start("sink", 0);

            final DeviceOutcome outcome = RunRig.await(sink);
            assertEquals(DeviceExitCode.OK, outcome.exitCode(), outcome.toString());
            assertEquals(timeslices, outcome.report().metrics().get("received"));
            assertEquals(0.0, outcome.report().metrics().get("corrupt"));
            assertEquals(timeslices * 300_000L, outcome.report().bytesIn());
            final DeviceOutcome sent = RunRig.await(source);
            assertEquals(DeviceExitCode.OK, sent.exitCode(), sent.toString());
            assertEquals(timeslices * 10.0, outcome.report().metrics().get("net.partsIn"), "10 parts of at most 32 KiB - 160 B each");
        }
    }
}
