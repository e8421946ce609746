package org.jdpl.devices.builtin;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.jdpl.framework.cluster.ClusterRun;
import org.jdpl.framework.cluster.ClusterSummary;
import org.jdpl.framework.cluster.HostAgentMain;
import org.jdpl.framework.cluster.HostOutcome;
import org.jdpl.framework.driver.DeviceSummary;
import org.jdpl.framework.driver.ProcStat;
import org.jdpl.framework.driver.RunStatus;
import org.jdpl.framework.driver.TimesliceTotals;
import org.jdpl.framework.hostcounters.HostCountersChannel;
import org.jdpl.framework.hostcounters.MessageAuthenticator;
import org.jdpl.framework.hostcounters.RunSecret;
import org.jdpl.framework.plan.Plan;
import org.jdpl.transport.EmbeddedMediaDriver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs across hosts hear only themselves ({@link LocalCluster}): a stranger's commands and counters are
 * dropped and counted, two runs on the same hosts each get ports of their own, and a run on ports
 * another holds is refused naming the port and the run.
 */
class ClusterIsolationRunTest
{
    @TempDir
    Path dir;

    private LocalCluster local;

    @BeforeEach
    void openCluster()
    {
        local = new LocalCluster(dir);
    }


    /**
     * A stranger on the network sends well-formed commands (abort, stop) straight to each agent's
     * command port, one without a tag and one tagged with another key, and counters to the launching
     * host's counters port: all dropped and counted, none acted on; the run goes on until the user
     * stops it, and every timeslice the source made reaches the sink exactly once.
     */
    @Test
    @Timeout(120)
    void shouldDropAndCountAStrangersCommandsAndCountersAndStillDeliverEveryTimesliceOnce() throws Exception
    {
        final Plan plan = local.endlessSourceToSink();
        final StringWriter console = new StringWriter();
        final ClusterRun cluster = local.cluster(console);
        final CompletableFuture<ClusterSummary> run = CompletableFuture.supplyAsync(() -> cluster.run(plan));
        final ClusterSummary summary;
        try (EmbeddedMediaDriver strangerDriver = EmbeddedMediaDriver.launch(dir.resolve("stranger-aeron"));
            io.aeron.Aeron stranger = io.aeron.Aeron.connect(new io.aeron.Aeron.Context().aeronDirectoryName(strangerDriver.aeronDir().toString())))
        {
            final List<io.aeron.Publication> commands = new java.util.ArrayList<>();
            for (final String host : List.of("h1", "h2"))
            {
                final String endpoint = awaitLine(dir.resolve("run/hosts/" + host + "/agent.log"), "takes the launching host's commands at ", run);
                commands.add(stranger.addPublication("aeron:udp?endpoint=" + endpoint, HostCountersChannel.COMMAND_STREAM_ID));
            }
            final io.aeron.Publication counters = stranger.addPublication("aeron:udp?endpoint=" + agentArgument(cluster, "h1", 5),
                HostCountersChannel.STREAM_ID);
            final org.agrona.concurrent.UnsafeBuffer abort = forgedCommand(1, 0, "stranger says abort", null);
            final org.agrona.concurrent.UnsafeBuffer stop = forgedCommand(0, 1, "stranger says stop", RunSecret.generate());
            final org.agrona.concurrent.UnsafeBuffer values = new org.agrona.concurrent.UnsafeBuffer(new byte[24]);
            values.putInt(12, 1); // host 0, device 0, replica 0, one value
            values.putLong(16, 1_000_000);
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            local.awaitSinkTook(50, run, console);
            // Offered until each has been seen and dropped: the agents and the launching host say so once.
            while (!(local.logOf("h1").contains("dropped a command") && local.logOf("h2").contains("dropped a command") &&
                console.toString().contains("dropped counter messages")))
            {
                assertTrue(System.nanoTime() < deadline && !run.isDone(), () -> "the strangers' messages arrive: " + console);
                for (final io.aeron.Publication command : commands)
                {
                    command.offer(abort);
                    command.offer(stop);
                }
                counters.offer(values);
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
            assertTrue(!local.logOf("h1").contains("the launching host says") && !local.logOf("h2").contains("the launching host says"),
                "no agent acted on a command yet: " + local.logOf("h1") + local.logOf("h2"));
            cluster.requestStop();
            summary = run.get(90, TimeUnit.SECONDS);
        }
        finally
        {
            cluster.requestStop();
        }

        assertEquals(RunStatus.INTERRUPTED, summary.status(), summary.failure() + "\n" + console);
        assertNull(summary.failure(), console::toString);
        for (final HostOutcome host : summary.hosts())
        {
            assertEquals(HostAgentMain.STOPPED, host.exitCode(), "stopped by the user's stop, not the stranger's abort: " + console);
            assertTrue(host.summary().metrics().get("hostCommands.unauthenticated") >= 2, host.host() + ": " + host.summary().metrics());
            assertTrue(!local.logOf(host.host()).contains("stranger says"), "a stranger's command was acted on: " + local.logOf(host.host()));
        }
        assertTrue(summary.incidents().stream().anyMatch(i -> i.contains("counter messages without this run's tag were dropped")),
            summary.incidents().toString());
        final TimesliceTotals totals = summary.timeslices();
        assertTrue(totals.produced() > 0, totals.toString());
        assertEquals(totals.produced(), totals.completed(), "a stop drains: every timeslice completed: " + totals);
        final DeviceSummary sink = summary.hosts().get(1).summary().devices().get(0);
        assertEquals(totals.produced(), sink.timeslicesIn(), "the sink fails the run on a gap, a duplicate or a bad checksum");
    }

    /**
     * Two runs of the same topology at once on the same hosts, the topology leaving the ports to the
     * run: each gets ports of its own, and each delivers every timeslice once.
     */
    @Test
    @Timeout(120)
    void shouldRunTwoRunsOnTheSameHostsAtOnceEachOnPortsOfItsOwn() throws Exception
    {
        final int timeslices = 600;
        final String devices = """
            source { use = counter-source, host = h1, options { timeslices = %d, rate-hz = 300 } }
            sink   { use = checksum-sink, host = h2, inputs = ["in:TST/COUNTER"], options { expected-timeslices = %d } }
            """.formatted(timeslices, timeslices);
        final Plan plan = local.plan(devices, "mtu = 8K");
        final StringWriter consoleA = new StringWriter();
        final StringWriter consoleB = new StringWriter();
        final ClusterRun a = local.cluster("run-a", consoleA);
        final ClusterRun b = local.cluster("run-b", consoleB);

        final CompletableFuture<ClusterSummary> runA = CompletableFuture.supplyAsync(() -> a.run(plan));
        final CompletableFuture<ClusterSummary> runB = CompletableFuture.supplyAsync(() -> b.run(plan));
        final ClusterSummary summaryA;
        final ClusterSummary summaryB;
        try
        {
            summaryA = runA.get(100, TimeUnit.SECONDS);
            summaryB = runB.get(100, TimeUnit.SECONDS);
        }
        finally
        {
            a.requestStop();
            b.requestStop();
        }

        assertTrue(!basePortOf(consoleA).equals(basePortOf(consoleB)), "each run chose its ports: " + consoleA + consoleB);
        for (final ClusterSummary summary : List.of(summaryA, summaryB))
        {
            assertEquals(RunStatus.OK, summary.status(), summary.failure() + "\n" + consoleA + consoleB);
            assertEquals(timeslices, summary.timeslices().produced(), summary.timeslices().toString());
            assertEquals(timeslices, summary.timeslices().completed(), summary.timeslices().toString());
            assertEquals(timeslices, summary.hosts().get(1).summary().devices().get(0).timeslicesIn(),
                "the sink fails the run on a gap, a duplicate or a bad checksum: another run's timeslices would be both");
        }
    }

    /**
     * Two runs whose topology fixes the same ports: the second, started while the first listens,
     * stops before its devices start, with one line naming the port and the run that holds it; the
     * first goes on and delivers every timeslice once.
     */
    @Test
    @Timeout(120)
    void shouldRefuseASecondRunOnPortsAnotherRunHoldsNamingThePortAndTheRun() throws Exception
    {
        final Plan plan = local.endlessSourceToSink();
        final StringWriter consoleA = new StringWriter();
        final ClusterRun a = local.cluster(consoleA);
        final CompletableFuture<ClusterSummary> runA = CompletableFuture.supplyAsync(() -> a.run(plan));
        final ClusterSummary summaryA;
        final ClusterSummary summaryB;
        final StringWriter consoleB = new StringWriter();
        try
        {
            local.awaitSinkTook(20, runA, consoleA);
            summaryB = local.cluster("run-b", consoleB).run(plan);
            a.requestStop();
            summaryA = runA.get(90, TimeUnit.SECONDS);
        }
        finally
        {
            a.requestStop();
        }

        assertEquals(RunStatus.FAILED, summaryB.status(), consoleB::toString);
        final String h2Log = Files.readString(dir.resolve("run-b/hosts/h2/agent.log"));
        final int port = plan.placement().net().portOf(plan.device("sink").firstStreamId());
        assertTrue(h2Log.contains("host agent 'h2': UDP port " + port + " on host 'h2' (127.0.0.1), where sink#0 listens, is taken by run ") &&
            h2Log.contains(dir.resolve("run/hosts/h2/runs").toString()), "names the first run's part on h2: " + h2Log);
        assertEquals(1, h2Log.lines().filter(l -> l.contains("UDP port")).count(), "one line: " + h2Log);
        assertTrue(!h2Log.contains("Exception"), h2Log);
        assertEquals(HostAgentMain.FAILED, summaryB.hosts().get(1).exitCode(), consoleB::toString);
        final Path h2Runs = dir.resolve("run-b/hosts/h2/runs");
        try (java.util.stream.Stream<Path> made = Files.exists(h2Runs) ? Files.list(h2Runs) : java.util.stream.Stream.empty())
        {
            assertEquals(List.of(), made.toList(), "h2 of the second run set up nothing, so started no device");
        }

        assertEquals(RunStatus.INTERRUPTED, summaryA.status(), summaryA.failure() + "\n" + consoleA);
        final TimesliceTotals totals = summaryA.timeslices();
        assertEquals(totals.produced(), totals.completed(), "the first run drained every timeslice: " + totals);
        assertEquals(totals.produced(), summaryA.hosts().get(1).summary().devices().get(0).timeslicesIn());
    }

    private static String basePortOf(final StringWriter console)
    {
        return console.toString().replaceAll("(?s).*net.base-port (\\d+) for this run.*", "$1");
    }

    /** A command as the launching host writes one (kind, number, text), with a tag of {@code key}, or none. */
    private static org.agrona.concurrent.UnsafeBuffer forgedCommand(final int kind, final int number, final String text, final RunSecret key)
    {
        final org.agrona.concurrent.UnsafeBuffer buffer = new org.agrona.concurrent.UnsafeBuffer(new byte[256]);
        buffer.putInt(0, kind);
        buffer.putInt(4, number);
        int length = 8 + buffer.putStringUtf8(8, text);
        if (key != null)
        {
            length = key.authenticator(MessageAuthenticator.Kind.COMMAND).sign(buffer, 0, length);
        }
        return new org.agrona.concurrent.UnsafeBuffer(buffer, 0, length);
    }

    /** The rest of the first line of {@code log} that contains {@code prefix}, once there is one. */
    private static String awaitLine(final Path log, final String prefix, final CompletableFuture<ClusterSummary> run) throws IOException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true)
        {
            if (Files.exists(log))
            {
                for (final String line : Files.readAllLines(log))
                {
                    final int at = line.indexOf(prefix);
                    if (at >= 0)
                    {
                        return line.substring(at + prefix.length()).split("[ ,]")[0];
                    }
                }
            }
            assertTrue(System.nanoTime() < deadline && !run.isDone(), "no '" + prefix + "' in " + log);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    /** Argument {@code index} after HostAgentMain on the command line of {@code host}'s agent. */
    private static String agentArgument(final ClusterRun cluster, final String host, final int index)
    {
        final List<String> args = List.of(ProcStat.commandLine(cluster.agentPid(host)).split(" "));
        return args.get(args.indexOf(HostAgentMain.class.getName()) + index);
    }
}
