package org.jdpl.devices.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToLongFunction;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.jdpl.framework.catalog.DeviceCatalog;
import org.jdpl.framework.cluster.ClusterContext;
import org.jdpl.framework.cluster.ClusterRun;
import org.jdpl.framework.cluster.ClusterSummary;
import org.jdpl.framework.cluster.HostAgentMain;
import org.jdpl.framework.counters.CounterType;
import org.jdpl.framework.counters.CountersSnapshot;
import org.jdpl.framework.counters.RunCountersFile;
import org.jdpl.framework.driver.ProcStat;
import org.jdpl.framework.driver.TimesliceTotals;
import org.jdpl.framework.hostcounters.HostCountersChannel;
import org.jdpl.framework.hostcounters.MessageAuthenticator;
import org.jdpl.framework.hostcounters.RunSecret;
import org.jdpl.framework.run.RunLayout;
import org.jdpl.framework.runner.RunFiles;
import org.jdpl.framework.cluster.HostOutcome;
import org.jdpl.framework.driver.DeviceSummary;
import org.jdpl.framework.driver.RunStatus;
import org.jdpl.framework.plan.Plan;
import org.jdpl.framework.topology.Compilation;
import org.jdpl.framework.topology.TopologyCompiler;
import org.jdpl.transport.EmbeddedMediaDriver;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real host agents as local processes, each "host" on 127.0.0.1 with its own /dev/shm run
 * directory, media driver and payload segment; the cross-host edges are Aeron UDP on loopback.
 */
class ClusterRunTest
{
    private static final int BASE_PORT = 20_000 + (int)(ProcessHandle.current().pid() % 20_000);

    @TempDir
    Path dir;

    private Plan plan(final String devices) throws Exception
    {
        return plan(devices, "base-port = " + BASE_PORT + ", mtu = 8K");
    }

    private Plan plan(final String devices, final String net) throws Exception
    {
        final Path file = Files.createTempFile(dir, "cluster", ".conf");
        Files.writeString(file, """
            hosts { h1 { address = "127.0.0.1" }, h2 { address = "127.0.0.1" } }
            net { %s }
            devices { %s }
            """.formatted(net, devices));
        final Compilation compilation = TopologyCompiler.compile(List.of(file), List.of(), DeviceCatalog.load());
        assertTrue(compilation.problems().isEmpty(), compilation.problems().toString());
        return compilation.plan();
    }

    private ClusterRun cluster(final StringWriter console, final String... agentOptions)
    {
        return cluster("run", console, agentOptions);
    }

    private ClusterRun cluster(final String runDir, final StringWriter console, final String... agentOptions)
    {
        Assumptions.assumeTrue(Files.isWritable(Path.of("/dev/shm")), "needs a writable /dev/shm");
        final List<String> options = new java.util.ArrayList<>(List.of("-Xmx128m", "-D" + HostAgentMain.STOP_GRACE_PROPERTY + "=2000"));
        options.addAll(List.of(agentOptions));
        return new ClusterRun(new ClusterContext().runDir(dir.resolve(runDir)).console(new PrintWriter(console, true))
            .agentJvmOptions(options).stopGraceMs(10_000));
    }

    @Test
    @Timeout(120)
    void shouldLoseNothingWhenTheNetworkDropsOneFrameInAThousandAndCountTheRetransmissions() throws Exception
    {
        // 800 x 128 KiB = 100 MiB in 8 KiB frames: about 13 frames dropped on receipt, each recovered by NAK and retransmission.
        final int timeslices = 800;
        final Plan plan = plan("""
            source { use = counter-source, host = h1, options { timeslices = %d, payload-bytes = 128K } }
            sink   { use = checksum-sink, host = h2, inputs = ["in:TST/COUNTER"], options { expected-timeslices = %d } }
            """.formatted(timeslices, timeslices));
        final StringWriter console = new StringWriter();

        final ClusterSummary summary = cluster(console, "-D" + EmbeddedMediaDriver.Context.RECEIVE_LOSS_RATE_PROPERTY + "=0.001").run(plan);

        assertEquals(RunStatus.OK, summary.status(), summary.failure() + "\n" + console);
        final DeviceSummary sink = summary.hosts().get(1).summary().devices().get(0);
        assertEquals(timeslices, sink.timeslicesIn(), "the sink fails the run on a gap, a duplicate or a bad checksum");
        assertEquals(timeslices * 128L * 1024, sink.bytesIn());
        System.out.printf("0.1%% receive loss: %.0f NAKs sent by h2, %.0f retransmissions by h1, %.0f bytes sent by h1, h2 wall %.1f s%n",
            summary.hosts().get(1).summary().metrics().get("net.naksSent"), summary.hosts().get(0).summary().metrics().get("net.retransmitsSent"),
            summary.hosts().get(0).summary().metrics().get("net.bytesSent"), summary.hosts().get(1).summary().wallSeconds());
        assertTrue(summary.hosts().get(1).summary().metrics().get("net.naksSent") > 0, "h2 asked for the frames it lost");
        assertTrue(summary.hosts().get(0).summary().metrics().get("net.retransmitsSent") > 0, "h1 sent them again");
    }

    @Test
    @Timeout(120)
    void shouldRunEachHostsReplicasOnItsAgentAndDeliverEveryTimesliceOnce() throws Exception
    {
        final int timeslices = 3000;
        final Plan plan = plan("""
            source { use = counter-source, host = h1, options { timeslices = %d, payload-bytes = 100K } }
            fwd    { use = forwarder, pipeline = 2, hosts = [h1, h2] }
            sink   { use = checksum-sink, host = h2, options { expected-timeslices = %d } }
            """.formatted(timeslices, timeslices));
        final StringWriter console = new StringWriter();

        final ClusterSummary summary = cluster(console).run(plan);

        assertEquals(RunStatus.OK, summary.status(), summary.failure() + "\n" + console);
        assertNull(summary.failure());
        final HostOutcome h1 = summary.hosts().get(0);
        final HostOutcome h2 = summary.hosts().get(1);
        assertEquals("h1", h1.host());
        assertNotNull(h2.summary(), "the agent wrote its summary");
        assertEquals(List.of("source", "fwd"), h1.summary().devices().stream().map(DeviceSummary::name).toList());
        assertEquals(List.of("fwd", "sink"), h2.summary().devices().stream().map(DeviceSummary::name).toList());
        final DeviceSummary sink = h2.summary().devices().get(1);
        assertEquals(timeslices, sink.timeslicesIn(), "the sink checks each timeslice's checksum and fails on a duplicate or a gap");
        assertEquals(timeslices * 100L * 1024, sink.bytesIn());
        assertEquals(timeslices / 2, h2.summary().devices().get(0).timeslicesIn(), "odd timeslices go to fwd[1] on h2");
        assertTrue(summary.metric("net.bytesSent") > timeslices / 2 * 100.0 * 1024, "half the payloads crossed over UDP");
        assertTrue(h1.summary().metrics().containsKey("net.retransmitsSent"), "each host reports its media driver's recovery counters");
        assertTrue(h2.summary().metrics().containsKey("net.naksSent"), "each host reports its media driver's recovery counters");
        // The launching host samples every host's counters into the run's time series; the last sample has both hosts'
        // replicas, the sink having taken every timeslice.
        final List<String> series = Files.readAllLines(RunLayout.timeSeries(dir.resolve("run")));
        assertTrue(series.size() >= 3, "a header and samples: " + series.size());
        final String last = series.getLast();
        assertTrue(last.contains("[\"source\",0,\"") && last.contains("[\"fwd\",1,\""), last);
        assertTrue(last.contains("[\"sink\",0,\"STOPPED\"," + timeslices + ","), "the sink's state and timeslices in: " + last);
        assertTrue(last.contains("[\"h1\",") && last.contains("[\"h2\","), "both hosts: " + last);
    }

    @Test
    @Timeout(120)
    void shouldFailTheRunNamingTheHostWhoseAgentWasKilled() throws Exception
    {
        final Plan plan = endlessSourceToSink();
        final StringWriter console = new StringWriter();
        final ClusterRun cluster = cluster(console);
        final CompletableFuture<ClusterSummary> run = CompletableFuture.supplyAsync(() -> cluster.run(plan));
        final Path sinkLog = dir.resolve("run/hosts/h2/agent.log");
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        long h2Agent = -1;
        while (System.nanoTime() < deadline && !run.isDone() && (h2Agent < 0 || !Files.exists(sinkLog) ||
            !Files.readString(sinkLog).contains("sink: running")))
        {
            h2Agent = cluster.agentPid("h2");
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        final ClusterSummary summary;
        try
        {
            assertTrue(h2Agent > 0 && !run.isDone(), () -> "h2's agent runs: " + console);
            ProcessHandle.of(h2Agent).ifPresent(ProcessHandle::destroyForcibly);
            summary = run.get(90, TimeUnit.SECONDS);
        }
        finally
        {
            cluster.requestStop();
        }

        assertEquals(RunStatus.FAILED, summary.status());
        assertTrue(summary.failure().startsWith("host 'h2': its host agent died of signal 9"), summary.failure());
        assertTrue(summary.failure().contains("its devices sink are lost"), summary.failure());
        assertEquals(137, summary.hosts().get(1).exitCode());
        assertNull(summary.hosts().get(1).summary(), "a killed agent writes no summary");
        assertEquals(List.of(), shmLeft(), "the dead agent's shared memory is cleaned up after it: " + console);
        assertEquals(HostAgentMain.STOPPED, summary.hosts().get(0).exitCode(), "h1 was told to abort: " + console);
        assertNotNull(summary.hosts().get(0).summary(), "h1's agent stopped its devices and wrote its summary: " + console);
        final TimesliceTotals totals = summary.timeslices();
        assertEquals(totals.produced(), totals.completed() + totals.dropped() + totals.lost(), "every timeslice accounted for: " + totals);
        assertTrue(totals.losses().stream().allMatch(loss -> loss.device().equals("sink#0 on h2 (its agent died)")),
            "only the dead agent's sink can have lost timeslices (h1's source was stopped, not crashed): " + totals);
    }

    /**
     * A host whose devices are all expendable is a casualty, not a failure: the run goes on, the
     * sink on h1 gets the end of stream of h2's forwarder from h1's own Driver, the source drops
     * what it holds for it, and every timeslice is accounted for.
     */
    @Test
    @Timeout(120)
    void shouldGoOnWithoutAHostWhoseDevicesAreAllExpendable() throws Exception
    {
        final StringWriter console = new StringWriter();
        final ClusterSummary summary = killMidStream("""
            source { use = counter-source, host = h1, options { timeslices = %d, rate-hz = 300 } }
            fwd    { use = forwarder, host = h2, on-crash = expendable }
            sink   { use = checksum-sink, host = h1, on-crash = expendable }
            """, console, cluster -> cluster.agentPid("h2"));

        assertEquals(RunStatus.OK, summary.status(), summary.failure() + "\n" + console);
        assertEquals(1, summary.incidents().size(), summary.incidents().toString());
        assertTrue(summary.incidents().get(0).startsWith("host 'h2': its host agent died of signal 9"), summary.incidents().get(0));
        assertTrue(summary.incidents().get(0).contains("its devices fwd are expendable: the run goes on without them"),
            summary.incidents().get(0));
        assertEquals(List.of(), shmLeft(), "the dead agent's shared memory is cleaned up after it: " + console);
        final HostOutcome h1 = summary.hosts().get(0);
        assertEquals(HostAgentMain.OK, h1.exitCode(), console::toString);
        assertEquals(List.of("fwd#0 (on another host) is gone; expendable: the run goes on without it"), h1.summary().incidents());
        assertAccountedWithLossesAt("fwd#0 on h2 (its agent died)", summary.timeslices());
    }

    /**
     * An expendable device that dies on a host whose agent lives on: its host's Driver marks it
     * FAILED, the launching host sees that in the host's counters and tells the other hosts, so the
     * sink on h2 gets the end of stream on its behalf from h2's own Driver.
     */
    @Test
    @Timeout(120)
    void shouldEndTheStreamOnAnotherHostForAnExpendableDeviceThatDied() throws Exception
    {
        final StringWriter console = new StringWriter();
        final ClusterSummary summary = killMidStream("""
            source { use = counter-source, host = h1, options { timeslices = %d, rate-hz = 300 } }
            fwd    { use = forwarder, host = h1, on-crash = expendable }
            sink   { use = checksum-sink, host = h2, on-crash = expendable }
            """, console, cluster -> deviceOf(cluster.agentPid("h1"), "fwd"));

        assertEquals(RunStatus.OK, summary.status(), summary.failure() + "\n" + console);
        assertEquals(List.of("fwd#0 on host 'h1' failed; expendable: the run goes on without it"), summary.incidents());
        assertEquals(List.of(HostAgentMain.OK, HostAgentMain.OK), summary.hosts().stream().map(HostOutcome::exitCode).toList());
        assertEquals(List.of("fwd#0 (on another host) is gone; expendable: the run goes on without it"),
            summary.hosts().get(1).summary().incidents());
        assertAccountedWithLossesAt("fwd#0 on h1", summary.timeslices());
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
        final Plan plan = endlessSourceToSink();
        final StringWriter console = new StringWriter();
        final ClusterRun cluster = cluster(console);
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
            awaitSinkTook(50, run, console);
            // Offered until each has been seen and dropped: the agents and the launching host say so once.
            while (!(logOf("h1").contains("dropped a command") && logOf("h2").contains("dropped a command") &&
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
            assertTrue(!logOf("h1").contains("the launching host says") && !logOf("h2").contains("the launching host says"),
                "no agent acted on a command yet: " + logOf("h1") + logOf("h2"));
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
            assertTrue(!logOf(host.host()).contains("stranger says"), "a stranger's command was acted on: " + logOf(host.host()));
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
        final Plan plan = plan(devices, "mtu = 8K");
        final StringWriter consoleA = new StringWriter();
        final StringWriter consoleB = new StringWriter();
        final ClusterRun a = cluster("run-a", consoleA);
        final ClusterRun b = cluster("run-b", consoleB);

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
        final Plan plan = endlessSourceToSink();
        final StringWriter consoleA = new StringWriter();
        final ClusterRun a = cluster(consoleA);
        final CompletableFuture<ClusterSummary> runA = CompletableFuture.supplyAsync(() -> a.run(plan));
        final ClusterSummary summaryA;
        final ClusterSummary summaryB;
        final StringWriter consoleB = new StringWriter();
        try
        {
            awaitSinkTook(20, runA, consoleA);
            summaryB = cluster("run-b", consoleB).run(plan);
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

    /** A source on h1 that goes on until stopped, 200 timeslices a second, to a sink on h2. */
    private Plan endlessSourceToSink() throws Exception
    {
        return plan("""
            source { use = counter-source, host = h1, options { timeslices = 0, rate-hz = 200 } }
            sink   { use = checksum-sink, host = h2, inputs = ["in:TST/COUNTER"] }
            """);
    }

    /** Waits until the sink of the run in {@code dir/run} took {@code timeslices}, as the launching host's counters show. */
    private void awaitSinkTook(final long timeslices, final CompletableFuture<ClusterSummary> run, final StringWriter console)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (sinkTookOnTheLaunchingHost() < timeslices)
        {
            assertTrue(System.nanoTime() < deadline && !run.isDone(), () -> "the sink takes timeslices: " + console);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
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

    private String logOf(final String host)
    {
        try
        {
            return Files.readString(dir.resolve("run/hosts/" + host + "/agent.log"));
        }
        catch (final IOException ex)
        {
            return "";
        }
    }

    private static final int EXPENDABLE_TIMESLICES = 1500;

    /** Runs {@code devices} (with the timeslice count to fill in) and kills -9 the process {@code victim} finds, mid-stream. */
    private ClusterSummary killMidStream(final String devices, final StringWriter console, final ToLongFunction<ClusterRun> victim)
        throws Exception
    {
        final Plan plan = plan(devices.formatted(EXPENDABLE_TIMESLICES));
        final ClusterRun cluster = cluster(console);
        final CompletableFuture<ClusterSummary> run = CompletableFuture.supplyAsync(() -> cluster.run(plan));
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        long pid = -1;
        // Mid-stream: once timeslices went through the forwarder to the sink.
        while (System.nanoTime() < deadline && !run.isDone() && (pid < 0 || sinkTookOnTheLaunchingHost() < 100))
        {
            pid = victim.applyAsLong(cluster);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        try
        {
            assertTrue(pid > 0 && !run.isDone(), () -> "the victim runs: " + console);
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            return run.get(90, TimeUnit.SECONDS);
        }
        finally
        {
            cluster.requestStop();
        }
    }

    private static void assertAccountedWithLossesAt(final String lostAt, final TimesliceTotals totals)
    {
        assertEquals(EXPENDABLE_TIMESLICES, totals.produced(), "the source went on to its end: " + totals);
        assertEquals(totals.produced(), totals.completed() + totals.dropped() + totals.lost(), "every timeslice accounted for: " + totals);
        assertTrue(totals.completed() >= 100, "what went through before the kill is complete: " + totals);
        assertTrue(totals.lost() > 0, "what the forwarder held, and what went to it after, is lost there: " + totals);
        assertTrue(totals.losses().stream().allMatch(loss -> loss.device().equals(lostAt)), totals.toString());
    }

    /** /dev/shm run directories of this test's runs still there. */
    private List<Path> shmLeft() throws IOException
    {
        try (java.util.stream.Stream<Path> entries = Files.list(Path.of("/dev/shm")))
        {
            return entries.filter(p -> p.getFileName().toString().startsWith("jdpl-")).filter(p ->
            {
                try
                {
                    return Files.readString(p.resolve("owner.properties")).contains(dir.toString());
                }
                catch (final IOException ex)
                {
                    return false; // gone meanwhile, or not a run directory
                }
            }).toList();
        }
    }

    /** The pid of {@code device}'s process under the agent {@code agentPid}; -1 while there is none. */
    private static long deviceOf(final long agentPid, final String device)
    {
        return ProcessHandle.of(agentPid).stream().flatMap(ProcessHandle::descendants)
            .filter(p -> List.of(ProcStat.commandLine(p.pid()).split(" ")).contains(device))
            .mapToLong(ProcessHandle::pid).findFirst().orElse(-1);
    }

    /** Timeslices the sink took so far, as the launching host's live counters show them (0 until they exist). */
    private long sinkTookOnTheLaunchingHost()
    {
        final Path manifest = RunLayout.manifest(dir.resolve("run"));
        if (!Files.exists(manifest))
        {
            return 0;
        }
        try (RunCountersFile counters = RunCountersFile.open(RunLayout.counters(Path.of(RunFiles.readManifest(manifest).shmDir()))))
        {
            return CountersSnapshot.read(counters).replica("sink", 0).get(CounterType.TIMESLICES_IN);
        }
        catch (final IOException | RuntimeException ex)
        {
            return 0; // still being written
        }
    }
}
