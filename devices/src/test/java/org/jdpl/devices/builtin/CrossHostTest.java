package org.jdpl.devices.builtin;

import static org.jdpl.devices.builtin.RunRig.device;
import static org.jdpl.devices.builtin.RunRig.route;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

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
        return new HostPlacement(List.of(new PlannedHost("h1", "127.0.0.1"), new PlannedHost("h2", "127.0.0.1")), replicaHosts,
            new NetSettings(8192, 0, 0, termLengthBytes, BASE_PORT));
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
