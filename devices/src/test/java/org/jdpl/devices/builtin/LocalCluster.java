package org.jdpl.devices.builtin;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
import org.jdpl.framework.run.RunLayout;
import org.jdpl.framework.runner.RunFiles;
import org.jdpl.framework.plan.Plan;
import org.jdpl.framework.topology.Compilation;
import org.jdpl.framework.topology.TopologyCompiler;
import org.junit.jupiter.api.Assumptions;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real host agents as local processes, each "host" on 127.0.0.1 with its own /dev/shm run
 * directory, media driver and payload segment; the cross-host edges are Aeron UDP on loopback. One
 * per test, over the test's directory: topologies, cluster runs, and what the launching host sees.
 */
final class LocalCluster
{
    private final Path dir;

    LocalCluster(final Path dir)
    {
        this.dir = dir;
    }

    static final int BASE_PORT = 20_000 + (int)(ProcessHandle.current().pid() % 20_000);

    Plan plan(final String devices) throws Exception
    {
        return plan(devices, "base-port = " + BASE_PORT + ", mtu = 8K");
    }

    Plan plan(final String devices, final String net) throws Exception
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

    ClusterRun cluster(final StringWriter console, final String... agentOptions)
    {
        return cluster("run", console, agentOptions);
    }

    ClusterRun cluster(final String runDir, final StringWriter console, final String... agentOptions)
    {
        Assumptions.assumeTrue(Files.isWritable(Path.of("/dev/shm")), "needs a writable /dev/shm");
        final List<String> options = new java.util.ArrayList<>(List.of("-Xmx128m", "-D" + HostAgentMain.STOP_GRACE_PROPERTY + "=2000"));
        options.addAll(List.of(agentOptions));
        return new ClusterRun(new ClusterContext().runDir(dir.resolve(runDir)).console(new PrintWriter(console, true))
            .agentJvmOptions(options).stopGraceMs(10_000));
    }

    /** A source on h1 that goes on until stopped, 200 timeslices a second, to a sink on h2. */
    Plan endlessSourceToSink() throws Exception
    {
        return plan("""
            source { use = counter-source, host = h1, options { timeslices = 0, rate-hz = 200 } }
            sink   { use = checksum-sink, host = h2, inputs = ["in:TST/COUNTER"] }
            """);
    }

    /** Waits until the sink of the run in {@code dir/run} took {@code timeslices}, as the launching host's counters show. */
    void awaitSinkTook(final long timeslices, final CompletableFuture<ClusterSummary> run, final StringWriter console)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (sinkTookOnTheLaunchingHost() < timeslices)
        {
            assertTrue(System.nanoTime() < deadline && !run.isDone(), () -> "the sink takes timeslices: " + console);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    String logOf(final String host)
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

    /** /dev/shm run directories of this test's runs still there. */
    List<Path> shmLeft() throws IOException
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

    /** Timeslices the sink took so far, as the launching host's live counters show them (0 until they exist). */
    long sinkTookOnTheLaunchingHost()
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
