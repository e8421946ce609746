package org.jdpl.devices.builtin;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.ToLongFunction;

import org.jdpl.framework.cluster.ClusterRun;
import org.jdpl.framework.cluster.ClusterSummary;
import org.jdpl.framework.cluster.HostAgentMain;
import org.jdpl.framework.cluster.HostOutcome;
import org.jdpl.framework.driver.DeviceSummary;
import org.jdpl.framework.driver.ProcStat;
import org.jdpl.framework.driver.RunStatus;
import org.jdpl.framework.driver.TimesliceTotals;
import org.jdpl.framework.plan.Plan;
import org.jdpl.framework.run.RunLayout;
import org.jdpl.transport.EmbeddedMediaDriver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs across two hosts, real host agents as local processes ({@link LocalCluster}): every timeslice
 * once, lossy networks, a killed agent, expendable devices on another host, the run's time series.
 */
class ClusterRunTest
{
    @TempDir
    Path dir;

    private LocalCluster local;

    @BeforeEach
    void openCluster()
    {
        local = new LocalCluster(dir);
    }


    @Test
    @Timeout(120)
    void shouldLoseNothingWhenTheNetworkDropsOneFrameInAThousandAndCountTheRetransmissions() throws Exception
    {
        // 800 x 128 KiB = 100 MiB in 8 KiB frames: about 13 frames dropped on receipt, each recovered by NAK and retransmission.
        final int timeslices = 800;
        final Plan plan = local.plan("""
            source { use = counter-source, host = h1, options { timeslices = %d, payload-bytes = 128K } }
            sink   { use = checksum-sink, host = h2, inputs = ["in:TST/COUNTER"], options { expected-timeslices = %d } }
            """.formatted(timeslices, timeslices));
        final StringWriter console = new StringWriter();

        final ClusterSummary summary = local.cluster(console, "-D" + EmbeddedMediaDriver.Context.RECEIVE_LOSS_RATE_PROPERTY + "=0.001").run(plan);

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
        final Plan plan = local.plan("""
            source { use = counter-source, host = h1, options { timeslices = %d, payload-bytes = 100K } }
            fwd    { use = forwarder, pipeline = 2, hosts = [h1, h2] }
            sink   { use = checksum-sink, host = h2, options { expected-timeslices = %d } }
            """.formatted(timeslices, timeslices));
        final StringWriter console = new StringWriter();

        final ClusterSummary summary = local.cluster(console).run(plan);

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
        final Plan plan = local.endlessSourceToSink();
        final StringWriter console = new StringWriter();
        final ClusterRun cluster = local.cluster(console);
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
        assertEquals(List.of(), local.shmLeft(), "the dead agent's shared memory is cleaned up after it: " + console);
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
        assertEquals(List.of(), local.shmLeft(), "the dead agent's shared memory is cleaned up after it: " + console);
        final HostOutcome h1 = summary.hosts().get(0);
        assertEquals(HostAgentMain.OK, h1.exitCode(), console::toString);
        assertEquals(List.of("fwd#0 (on another host) is gone; expendable: the run goes on without it"), h1.summary().incidents());
        assertAccountedWithLossesAt("fwd#0 on h2 (its agent died)", summary.timeslices());
    }

    /**
     * {@code net.silent-after}: a host agent alive but silent (SIGSTOP: no counters reach the launching
     * host) is killed there and its host counted as lost; with only expendable devices on it the run
     * goes on, and every timeslice is accounted for, the lost ones at its forwarder.
     */
    @Test
    @Timeout(150)
    void shouldKillASilentHostAgentAndGoOnWithoutItsExpendableDevices() throws Exception
    {
        final StringWriter console = new StringWriter();
        // Stopped, not dead: its process is there, its counters stop.
        final ClusterSummary summary = midStream(local.plan("""
            source { use = counter-source, host = h1, options { timeslices = %d, rate-hz = 300 } }
            fwd    { use = forwarder, host = h2, on-crash = expendable }
            sink   { use = checksum-sink, host = h1, on-crash = expendable }
            """.formatted(EXPENDABLE_TIMESLICES), "base-port = " + LocalCluster.BASE_PORT + ", mtu = 8K, silent-after = 10s"),
            console, cluster -> cluster.agentPid("h2"), ClusterRunTest::stop);

        assertEquals(RunStatus.OK, summary.status(), summary.failure() + "\n" + console);
        assertEquals(1, summary.incidents().size(), summary.incidents().toString());
        assertTrue(summary.incidents().get(0).startsWith("host 'h2': its host agent was silent for "), summary.incidents().get(0));
        assertTrue(summary.incidents().get(0).contains("(no counters; net.silent-after = 10 s) and was killed; its devices fwd are " +
            "expendable: the run goes on without them"), summary.incidents().get(0));
        assertEquals(List.of(), local.shmLeft(), "the dead agent's shared memory is cleaned up after it: " + console);
        assertAccountedWithLossesAt("fwd#0 on h2 (its agent died)", summary.timeslices());
    }

    /**
     * A member of a fan-out stream dies (an expendable sink, its agent lives on): the flow control drops
     * it and the other member gets every timeslice to the end; the dead one's are lost there.
     */
    @Test
    @Timeout(150)
    void shouldGoOnWithTheOtherMembersOfAFanOutStreamWhenOneDies() throws Exception
    {
        final StringWriter console = new StringWriter();
        final ClusterSummary summary = killMidStream("""
            source { use = counter-source, host = h1, options { timeslices = %d, rate-hz = 300 } }
            sink   { use = checksum-sink, host = h2, inputs = ["in:TST/COUNTER"] }
            spare  { use = checksum-sink, host = h2, inputs = ["in:TST/COUNTER"], on-crash = expendable }
            """, console, cluster -> deviceOf(cluster.agentPid("h2"), "spare"));

        assertEquals(RunStatus.OK, summary.status(), summary.failure() + "\n" + console);
        assertEquals(List.of("spare#0 on host 'h2' failed; expendable: the run goes on without it"), summary.incidents());
        final DeviceSummary sink = summary.hosts().get(1).summary().devices().stream().filter(d -> d.name().equals("sink")).findFirst()
            .orElseThrow();
        assertEquals(EXPENDABLE_TIMESLICES, sink.timeslicesIn(), "the other member got every timeslice: " + console);
        assertAccountedWithLossesAt("spare#0 on h2", summary.timeslices());
    }

    /**
     * A host dies with a device of {@code on-crash = restart} on it: the run stops (moving a replica to
     * a surviving host is not built) and says so in one line, and every timeslice is accounted for.
     */
    @Test
    @Timeout(120)
    void shouldSayInOneLineWhyARestartableDeviceOfADeadHostIsNotStartedElsewhere() throws Exception
    {
        final StringWriter console = new StringWriter();
        final ClusterSummary summary = killMidStream("""
            source { use = counter-source, host = h1, options { timeslices = %d, rate-hz = 300 } }
            fwd    { use = forwarder, host = h2, on-crash = restart }
            sink   { use = checksum-sink, host = h1, options { fail-on-error = false } }
            """, console, cluster -> cluster.agentPid("h2"));

        assertEquals(RunStatus.FAILED, summary.status(), console::toString);
        assertTrue(summary.failure().startsWith("host 'h2': its host agent died of signal 9"), summary.failure());
        assertTrue(summary.failure().lines().anyMatch(line -> line.equals("  on-crash = restart of fwd cannot start it on another host: " +
            "the plan fixes each replica's host and the address its producers send to when the run starts (moving a replica to a " +
            "surviving host is not built), so the run stops")), summary.failure());
        assertEquals(List.of(), local.shmLeft(), "the dead agent's shared memory is cleaned up after it: " + console);
        final TimesliceTotals totals = summary.timeslices();
        assertEquals(totals.produced(), totals.completed() + totals.dropped() + totals.lost(), "every timeslice accounted for: " + totals);
        assertEquals(0, totals.unexplained(), totals.toString());
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

    private static final int EXPENDABLE_TIMESLICES = 1500;

    /** Runs {@code devices} (with the timeslice count to fill in) and kills -9 the process {@code victim} finds, mid-stream. */
    private ClusterSummary killMidStream(final String devices, final StringWriter console, final ToLongFunction<ClusterRun> victim)
        throws Exception
    {
        return midStream(local.plan(devices.formatted(EXPENDABLE_TIMESLICES)), console, victim,
            pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }

    /** SIGSTOP: the process stays, silent. */
    private static void stop(final long pid)
    {
        try
        {
            assertEquals(0, new ProcessBuilder("kill", "-STOP", Long.toString(pid)).start().waitFor());
        }
        catch (final java.io.IOException | InterruptedException ex)
        {
            throw new AssertionError("kill -STOP " + pid, ex);
        }
    }

    /** Runs {@code plan} and does {@code act} to the process {@code victim} finds, mid-stream; returns how the run ended. */
    private ClusterSummary midStream(final Plan plan, final StringWriter console, final ToLongFunction<ClusterRun> victim,
        final java.util.function.LongConsumer act) throws Exception
    {
        final ClusterRun cluster = local.cluster(console);
        final CompletableFuture<ClusterSummary> run = CompletableFuture.supplyAsync(() -> cluster.run(plan));
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        long pid = -1;
        // Mid-stream: once timeslices went through the forwarder to the sink.
        while (System.nanoTime() < deadline && !run.isDone() && (pid < 0 || local.sinkTookOnTheLaunchingHost() < 100))
        {
            pid = victim.applyAsLong(cluster);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        try
        {
            assertTrue(pid > 0 && !run.isDone(), () -> "the victim runs: " + console + (run.isDone() ? "\nthe run ended already: " +
                run.handle((summary, failure) -> failure != null ? failure.toString() : summary.failure()).join() : ""));
            act.accept(pid);
            return run.get(120, TimeUnit.SECONDS);
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

    /** The pid of {@code device}'s process under the agent {@code agentPid}; -1 while there is none. */
    private static long deviceOf(final long agentPid, final String device)
    {
        return ProcessHandle.of(agentPid).stream().flatMap(ProcessHandle::descendants)
            .filter(p -> List.of(ProcStat.commandLine(p.pid()).split(" ")).contains(device))
            .mapToLong(ProcessHandle::pid).findFirst().orElse(-1);
    }
}
