package org.jdpl.topologies;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jdpl.framework.driver.ProcStat;
import org.jdpl.testsupport.DeviceJars;
import org.jdpl.tools.cluster.FakeCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.jdpl.topologies.LaunchingHostView.dpl;
import static org.jdpl.topologies.LaunchingHostView.liveStatus;
import static org.jdpl.topologies.LaunchingHostView.replicaOn;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code dpl run --launcher slurm} on three fake hosts (scripts/fake-cluster: network namespaces with
 * Slurm), started the way a user would: {@code salloc -N3 dpl run ...} or {@code sbatch -N3 --wrap "dpl run ..."}
 * on h1. Source on h1, forwarder
 * on h2, sink on h3, so every timeslice crosses two UDP links. Skips with a message where the fake
 * cluster cannot be built (not root, Slurm or munge missing).
 */
class MultiHostRunTest
{
    private static final int TIMESLICES = 2000;
    private static final int FAN_OUT_TIMESLICES = 200;
    private static FakeCluster cluster;
    private static final List<String> TEST_DIRS = new java.util.concurrent.CopyOnWriteArrayList<>();

    @TempDir
    Path dir;

    @BeforeAll
    static void upCluster() throws IOException
    {
        try
        {
            cluster = FakeCluster.upOrJoin(3);
        }
        catch (final FakeCluster.Unavailable ex)
        {
            Assumptions.abort("no fake cluster on this machine, so no multi-host run: " + ex.getMessage());
        }
    }

    @AfterAll
    static void downCluster() throws IOException
    {
        if (cluster == null)
        {
            return;
        }
        cluster.close();
        final List<String> namespaces = new ArrayList<>();
        for (final String line : new String(new ProcessBuilder("ip", "netns", "list").start().getInputStream().readAllBytes()).split("\n"))
        {
            if (line.startsWith("jdpl-fc-"))
            {
                namespaces.add(line);
            }
        }
        assertEquals(List.of(), namespaces, "network namespaces left");
        RunFixture.await("Slurm daemons and host agents to be gone", 10_000, () -> ProcessHandle.allProcesses()
            .noneMatch(p -> p.info().command().map(c -> c.endsWith("/slurmd") || c.endsWith("/slurmctld") ||
                c.endsWith("/slurmstepd") || c.endsWith("/munged")).orElse(false) ||
                ProcStat.commandLine(p.pid()).contains("org.jdpl.framework.cluster.HostAgentMain")));
        assertEquals(List.of(), shmLeftByThisTest(), "/dev/shm entries left by the multi-host runs");
    }

    /** Submitted as a batch job, as most runs on a cluster are; the other tests run under salloc. */
    @Test
    @Timeout(60)
    void shouldDeliverEveryTimesliceOnceAcrossThreeHostsInABatchJob() throws Exception
    {
        TEST_DIRS.add(dir.toAbsolutePath().toString());
        final SlurmJob run = SlurmJob.sbatch(cluster, dir, chain(TIMESLICES, 256, 0));
        run.waitFor(50);

        assertEquals(0, run.exitCode(), run::describe);
        final JsonNode summary = run.summary();
        assertEquals("ok", summary.path("status").asText().toLowerCase(java.util.Locale.ROOT), run.describe());
        assertEquals(TIMESLICES, metric(summary, "sink.received"), run.describe());
        assertEquals(0, metric(summary, "sink.missing") + metric(summary, "sink.duplicates") + metric(summary, "sink.corrupt"));
        assertEquals(List.of("h1", "h2", "h3"), hostsOf(summary));
        assertAllCompleted(summary, TIMESLICES);
        assertReportShowsEveryHost(dir.resolve("reports"));
    }

    /** The run's HTML report places each replica on its host and has the last log lines of the replicas on other hosts. */
    private void assertReportShowsEveryHost(final Path reports) throws IOException
    {
        LaunchingHostView.dpl("report", "--runs-dir", dir.resolve("runs").toString(), "--out", reports.toString());
        final String page;
        try (Stream<Path> files = Files.list(reports))
        {
            page = Files.readString(files.filter(f -> f.toString().endsWith(".html")).findFirst().orElseThrow());
        }
        for (final String host : List.of("h1", "h2", "h3"))
        {
            assertTrue(page.contains("<td>" + host + "</td>"), "a replica on " + host + " in the report's table");
        }
        for (final String replica : List.of("source#0", "fwd#0", "sink#0"))
        {
            assertTrue(java.util.regex.Pattern.compile("<summary>" + replica + "</summary><pre>[^<]*DeviceRunner").matcher(page).find(),
                "the last log lines of " + replica + ", from its host's run directory");
        }
    }

    /**
     * Two users' runs of the same topology at once on the same three hosts (Slurm shares the nodes):
     * each run draws its own ports and has its own secret, and each delivers every timeslice once.
     */
    @Test
    @Timeout(90)
    void shouldRunTwoRunsAtOnceOnTheSameHostsEachExactlyOnce() throws Exception
    {
        final Path topology = chain(TIMESLICES, 256, 500);
        final Path dirA = Files.createDirectories(dir.resolve("a"));
        final Path dirB = Files.createDirectories(dir.resolve("b"));
        TEST_DIRS.add(dir.toAbsolutePath().toString());
        final SlurmJob a = SlurmJob.salloc(cluster, dirA, topology);
        final SlurmJob b = SlurmJob.salloc(cluster, dirB, topology);
        try
        {
            assertEquals(0, a.waitFor(80), a::describe);
            assertEquals(0, b.waitFor(80), b::describe);
        }
        finally
        {
            a.close();
            b.close();
        }
        for (final SlurmJob run : List.of(a, b))
        {
            final JsonNode summary = run.summary();
            assertEquals(TIMESLICES, metric(summary, "sink.received"), run.describe());
            assertEquals(0, metric(summary, "sink.missing") + metric(summary, "sink.duplicates") + metric(summary, "sink.corrupt"),
                "another run's timeslices would show as duplicates or bad checksums: " + run.describe());
            assertAllCompleted(summary, TIMESLICES);
        }
        final String portA = a.output().replaceAll("(?s).*net.base-port (\\d+) for this run.*", "$1");
        final String portB = b.output().replaceAll("(?s).*net.base-port (\\d+) for this run.*", "$1");
        assertTrue(portA.matches("\\d+") && !portA.equals(portB), "each run chose its own ports: " + portA + ", " + portB);
    }

    @Test
    @Timeout(60)
    void shouldLoseNothingWhenOneHostDropsPackets() throws Exception
    {
        cluster.loss("h3", 0.1);
        try
        {
            final SlurmJob run = dplRun(chain(TIMESLICES, 4096, 0));

            assertEquals(0, run.exitCode(), run::describe);
            final JsonNode summary = run.summary();
            assertEquals(TIMESLICES, metric(summary, "sink.received"), run.describe());
            assertEquals(0, metric(summary, "sink.missing") + metric(summary, "sink.duplicates") + metric(summary, "sink.corrupt"));
            assertTrue(sumOverHosts(summary, "net.retransmitsSent") > 0 || sumOverHosts(summary, "net.naksSent") > 0,
                "0.1 % loss on h3 must show as retransmissions: " + run.describe());
        }
        finally
        {
            cluster.loss("h3", 0);
        }
    }

    /**
     * One source on h1 and a sink on each of h2 and h3 that both take every timeslice: one fan-out
     * stream carries each part once to both hosts, under multi-destination-cast (the default) and under
     * multicast on the fake cluster's bridge. Payloads larger than a message of the small term go in parts,
     * so the parts the source sent can be counted against those each sink received.
     */
    @ParameterizedTest(name = "fan-out = {0}")
    @ValueSource(strings = {"mdc", "multicast"})
    @Timeout(60)
    void shouldSendEachPartOnceToSinksOnTwoHosts(final String fanOut) throws Exception
    {
        final Path topology = Files.writeString(dir.resolve("fan-out.conf"), """
            hosts { h1 {}, h2 {}, h3 {} }
            net { fan-out = %s, term-length = 256k }
            devices {
              source { use = counter-source, host = h1, options { timeslices = %d, payload-bytes = 300000 } }
              sink2  { use = checksum-sink, host = h2, inputs = ["in:TST/COUNTER"] }
              sink3  { use = checksum-sink, host = h3, inputs = ["in:TST/COUNTER"] }
            }
            """.formatted(fanOut, FAN_OUT_TIMESLICES));
        final SlurmJob run = dplRun(topology);

        assertEquals(0, run.exitCode(), run::describe);
        final JsonNode summary = run.summary();
        for (final String sink : List.of("sink2", "sink3"))
        {
            assertEquals(FAN_OUT_TIMESLICES, metric(summary, sink + ".received"), run.describe());
            assertEquals(0, metric(summary, sink + ".missing") + metric(summary, sink + ".duplicates") + metric(summary, sink + ".corrupt"));
        }
        assertEquals(1, metric(summary, "source.net.fanOutStreams"), run.describe());
        final double partsIn = metric(summary, "sink2.net.partsIn");
        assertTrue(partsIn >= 2.0 * FAN_OUT_TIMESLICES, "payloads go in parts: " + partsIn);
        assertEquals(partsIn, metric(summary, "sink3.net.partsIn"));
        assertEquals(partsIn, metric(summary, "source.net.partsOut"), "each part sent once for both hosts");
        assertAllCompleted(summary, FAN_OUT_TIMESLICES);
    }

    @Test
    @Timeout(60)
    void shouldEndTheRunNamingTheHostWhoseAgentDied() throws Exception
    {
        final Path topology = chain(1_000_000, 256, 0);
        final SlurmJob run = start(topology);
        try
        {
            RunFixture.await("the host agent of h2", 30_000, () -> agentOf("h2").isPresent());
            RunFixture.await("timeslices flowing from h1 through h2 to h3", 30_000, () ->
            {
                final JsonNode status = liveStatus(dir.resolve("runs"));
                return status != null && replicaOn(status, "sink", "h3").path("timeslicesIn").asLong() > 0;
            });
            agentOf("h2").orElseThrow().destroyForcibly();

            final int exitCode = run.waitFor(45);
            assertEquals(1, exitCode, run.describe());
            assertTrue(run.output().contains("h2"), run.describe());
            final JsonNode summary = run.summary();
            assertEquals("failed", summary.path("status").asText().toLowerCase(java.util.Locale.ROOT), run.describe());
            assertTrue(summary.path("failure").asText().contains("h2"), summary.path("failure").asText());
            for (final JsonNode host : summary.path("hosts"))
            {
                if (!host.path("host").asText().equals("h2"))
                {
                    assertEquals(3, host.path("exitCode").asInt(), "told to abort over the network, it stopped: " + run.describe());
                    assertFalse(host.path("summary").isNull(), "an aborted agent still writes its summary: " + run.describe());
                }
            }
            final JsonNode totals = summary.path("timeslices");
            assertTrue(totals.path("produced").asLong() > totals.path("completed").asLong(), totals.toString());
            assertEquals(totals.path("produced").asLong(), totals.path("completed").asLong() + totals.path("dropped").asLong() +
                totals.path("lost").asLong(), "every timeslice accounted for: " + totals);
            for (final JsonNode loss : totals.path("losses"))
            {
                assertEquals("fwd#0 on h2 (its agent died)", loss.path("device").asText(), totals.toString());
            }
        }
        finally
        {
            run.close();
        }
    }

    /**
     * An endless run: every host's devices show in {@code dpl status} on the launching host while it
     * goes on; then the user stops it (SIGTERM to {@code dpl run}, as a scheduler's time limit sends),
     * the agents are told over the network, and the stream drains across hosts: nothing lost.
     */
    @Test
    @Timeout(60)
    void shouldShowEveryHostsDevicesInStatusWhileTheRunGoesOnAndDrainEveryHostWhenStopped() throws Exception
    {
        final SlurmJob run = start(chain(0, 256, 500));
        try
        {
            final Path runsDir = dir.resolve("runs");
            final JsonNode[] status = new JsonNode[1];
            RunFixture.await("dpl status --json on the launching host to show the source on h1 producing, and fwd on h2 and sink on h3 live",
                40_000, () ->
                {
                    status[0] = liveStatus(runsDir);
                    return status[0] != null && replicaOn(status[0], "source", "h1").path("timeslicesOut").asLong() > 0 &&
                        replicaOn(status[0], "fwd", "h2").path("hostState").asText().equals("live") &&
                        replicaOn(status[0], "sink", "h3").path("hostState").asText().equals("live");
                });
            for (final JsonNode replica : status[0].path("replicas"))
            {
                assertEquals("live", replica.path("hostState").asText(), status[0].toString());
            }

            run.signalDpl("TERM");
            assertEquals(130, run.waitFor(45), run::describe);
            final JsonNode summary = run.summary();
            assertEquals("interrupted", summary.path("status").asText().toLowerCase(java.util.Locale.ROOT), run.describe());
            for (final JsonNode host : summary.path("hosts"))
            {
                assertEquals(3, host.path("exitCode").asInt(), "each agent was told to stop, and stopped: " + run.describe());
            }
            final JsonNode totals = summary.path("timeslices");
            assertTrue(totals.path("produced").asLong() > 0, totals.toString());
            assertEquals(totals.path("produced").asLong(), totals.path("completed").asLong(), "a stop drains every host: " + totals);
            assertEquals(0, metric(summary, "sink.missing") + metric(summary, "sink.duplicates") + metric(summary, "sink.corrupt"));
            final String after = dpl("status", status[0].path("run").asText(), "--runs-dir", runsDir.toString());
            assertTrue(after.contains(": interrupted on 3 hosts"), after);
            assertTrue(after.contains("h3") && after.contains("sink#0"), after);

            // Every host's journal, read as one on the launching host, in time order.
            final List<String> logs = dpl("logs", status[0].path("run").asText(), "--runs-dir", runsDir.toString()).lines().toList();
            for (final String host : List.of("h1", "h2", "h3"))
            {
                assertTrue(logs.stream().anyMatch(l -> l.contains(" on " + host + "] the launching host says stop")), host + ": " + logs);
            }
            assertTrue(logs.stream().anyMatch(l -> l.contains("[fwd#0 on h2]")), logs.toString());
            for (int i = 1; i < logs.size(); i++)
            {
                final String before = logs.get(i - 1).substring(0, 12);
                final String now = logs.get(i).substring(0, 12);
                assertTrue(before.compareTo(now) <= 0 || before.startsWith("23:") && now.startsWith("00:"),
                    "time order across hosts: " + before + " then " + now);
            }
        }
        finally
        {
            run.close();
        }
    }

    /**
     * A device type from a jar on a disk only the launching host has: a tmpfs mounted after the hosts'
     * Slurm daemons started, so the mount namespaces their agents run in do not have it. The run copies
     * the jar into its run directory and the device runs on h2 from the copy.
     */
    @Test
    @Timeout(60)
    void shouldCarryADeviceLibraryFromTheLaunchingHostsOwnDiskToTheHostRunningItsDevice() throws Exception
    {
        final Path launchingHostOnly = Files.createDirectories(dir.resolve("launching-host-only"));
        command("mount", "-t", "tmpfs", "-o", "size=32m", "jdpl-test-library", launchingHostOnly.toString());
        try
        {
            final Path jar = DeviceJars.forwarder(launchingHostOnly, "ext.jar", "ExtForwarder", "ext-forwarder");
            final SlurmJob run = dplRun(Files.writeString(dir.resolve("library.conf"), """
                libraries = ["%s"]
                hosts { h1 {}, h2 {}, h3 {} }
                devices {
                  source { use = counter-source, host = h1, options { timeslices = %d } }
                  ext    { use = ext-forwarder, host = h2 }
                  sink   { use = checksum-sink, host = h3 }
                }
                """.formatted(jar, FAN_OUT_TIMESLICES)));

            assertEquals(0, run.exitCode(), run::describe);
            final JsonNode summary = run.summary();
            assertEquals(FAN_OUT_TIMESLICES, metric(summary, "ext.seen"), run.describe());
            assertEquals(FAN_OUT_TIMESLICES, metric(summary, "sink.received"), run.describe());
            try (Stream<Path> runs = Files.list(dir.resolve("runs")))
            {
                final Path runDir = runs.filter(p -> p.getFileName().toString().startsWith("cluster-")).findFirst().orElseThrow();
                final String copy = new ObjectMapper().readTree(runDir.resolve("plan.json").toFile())
                    .path("libraries").path("ext-forwarder").asText();
                assertTrue(copy.startsWith(runDir.toAbsolutePath() + "/libraries/"), "the agents' plan names the copy: " + copy);
                assertEquals(-1, Files.mismatch(jar, Path.of(copy)));
            }
        }
        finally
        {
            command("umount", launchingHostOnly.toString());
        }
    }

    private static void command(final String... command) throws IOException, InterruptedException
    {
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        final String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0)
        {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }

    private Path chain(final long timeslices, final int payloadBytes, final int rateHz) throws IOException
    {
        return Files.writeString(dir.resolve("three-hosts.conf"), """
            hosts { h1 {}, h2 {}, h3 {} }
            devices {
              source { use = counter-source, host = h1, options { timeslices = %d, payload-bytes = %d, rate-hz = %d } }
              fwd    { use = forwarder, host = h2 }
              sink   { use = checksum-sink, host = h3 }
            }
            """.formatted(timeslices, payloadBytes, rateHz));
    }

    /** Starts {@code dpl run} under salloc on h1, its run directory one this test's /dev/shm check knows. */
    private SlurmJob start(final Path topology)
    {
        TEST_DIRS.add(dir.toAbsolutePath().toString());
        return SlurmJob.salloc(cluster, dir, topology);
    }

    private SlurmJob dplRun(final Path topology) throws Exception
    {
        final SlurmJob run = start(topology);
        run.waitFor(50);
        return run;
    }

    private static java.util.Optional<ProcessHandle> agentOf(final String host)
    {
        return ProcessHandle.allProcesses()
            .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
            .filter(p ->
            {
                // From /proc: ProcessHandle.Info leaves out long command lines.
                final List<String> args = List.of(ProcStat.commandLine(p.pid()).split(" "));
                final int main = args.indexOf("org.jdpl.framework.cluster.HostAgentMain");
                return main >= 0 && args.size() > main + 2 && args.get(main + 2).equals(host);
            })
            .findFirst();
    }

    /** The launching host's accounting: every timeslice completed; no host claims the run's accounting alone. */
    private static void assertAllCompleted(final JsonNode summary, final long timeslices)
    {
        final JsonNode totals = summary.path("timeslices");
        assertEquals(timeslices, totals.path("produced").asLong(), totals.toString());
        assertEquals(timeslices, totals.path("completed").asLong(), totals.toString());
        assertEquals(0, totals.path("dropped").asLong() + totals.path("lost").asLong(), totals.toString());
        for (final JsonNode host : summary.path("hosts"))
        {
            assertTrue(host.path("summary").path("timeslices").isNull(), host.path("host").asText() + " accounts on its own");
        }
    }

    private static List<String> hostsOf(final JsonNode summary)
    {
        final List<String> hosts = new ArrayList<>();
        summary.path("hosts").forEach(h -> hosts.add(h.path("host").asText()));
        return hosts;
    }

    /** A device metric from whichever host ran the device. */
    private static double metric(final JsonNode summary, final String name)
    {
        for (final JsonNode host : summary.path("hosts"))
        {
            final JsonNode value = host.path("summary").path("metrics").path(name);
            if (!value.isMissingNode())
            {
                return value.asDouble();
            }
        }
        throw new AssertionError("no metric '" + name + "' on any host: " + summary);
    }

    private static double sumOverHosts(final JsonNode summary, final String name)
    {
        double sum = 0;
        for (final JsonNode host : summary.path("hosts"))
        {
            sum += host.path("summary").path("metrics").path(name).asDouble(0);
        }
        return sum;
    }

    /** Run directories in /dev/shm whose owner is a run of this test (other builds on this machine make their own). */
    private static List<Path> shmLeftByThisTest() throws IOException
    {
        final List<Path> left = new ArrayList<>();
        try (Stream<Path> entries = Files.list(Path.of("/dev/shm")))
        {
            for (final Path entry : entries.filter(p -> p.getFileName().toString().startsWith("jdpl-")).toList())
            {
                final Path owner = entry.resolve("owner.properties");
                try
                {
                    final String text = Files.readString(owner);
                    if (TEST_DIRS.stream().anyMatch(d -> text.contains("runDir=" + d)))
                    {
                        left.add(entry);
                    }
                }
                catch (final IOException ex)
                {
                    // gone meanwhile, or not a run directory
                }
            }
        }
        return left;
    }
}
