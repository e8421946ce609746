package org.jdpl.tools.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jdpl.framework.catalog.DeviceCatalog;
import org.jdpl.framework.cluster.ClusterContext;
import org.jdpl.framework.cluster.ClusterRun;
import org.jdpl.framework.cluster.ClusterSummary;
import org.jdpl.framework.cluster.HostLauncher;
import org.jdpl.framework.driver.RunStatus;
import org.jdpl.framework.topology.Compilation;
import org.jdpl.framework.topology.TopologyCompiler;
import org.jdpl.tools.cluster.FakeCluster;

/**
 * The jdpl side of {@code dpl bench net}: bench-source on one fake host, bench-sink on another, one
 * host agent per host started through {@code scripts/fake-cluster exec} and supervised by
 * {@link ClusterRun}, exactly as a multi-host run; returns the sink's messages per second.
 */
final class JdplNetBench
{
    private final FakeCluster cluster;
    private final Path benchDir;
    private final PrintWriter deviceLog;
    private final DeviceCatalog catalog = DeviceCatalog.load();
    private int runs;

    JdplNetBench(final FakeCluster cluster, final Path benchDir, final PrintWriter deviceLog)
    {
        this.cluster = cluster;
        this.benchDir = benchDir;
        this.deviceLog = deviceLog;
    }

    double run(final String sender, final String receiver, final long messages, final int messageBytes)
    {
        final String step = "jdpl " + sender + " -> " + receiver + ", " + messages + " x " + messageBytes + " B";
        final Path file = benchDir.resolve("net-" + (++runs) + ".conf");
        try
        {
            Files.createDirectories(benchDir);
            Files.writeString(file, """
                hosts {
                  %s { address = "%s" }
                  %s { address = "%s" }
                }
                devices {
                  source { use = bench-source, host = %s, options { timeslices = %d, payload-bytes = %d } }
                  sink   { use = bench-sink, host = %s }
                }
                """.formatted(sender, cluster.addressOf(sender), receiver, cluster.addressOf(receiver),
                sender, messages, messageBytes, receiver));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write " + file + ": " + ex.getMessage(), ex);
        }
        final Compilation compilation = TopologyCompiler.compile(List.of(file), List.of(), catalog);
        if (!compilation.ok())
        {
            throw new IllegalStateException("benchmark step " + step + ": its topology is invalid:\n" + compilation.problemReport());
        }
        final Path runDir = benchDir.resolve("cluster-" + runs);
        final ClusterSummary summary = new ClusterRun(new ClusterContext()
            .runDir(runDir)
            .launcher(new HostLauncher(cluster.onHost("{host}", List.of())))
            .classPath(System.getProperty("java.class.path"))
            .console(deviceLog))
            .run(compilation.plan());
        if (summary.status() != RunStatus.OK)
        {
            throw new IllegalStateException("benchmark step " + step + " failed: " + summary.failure() + " (host logs under " + runDir + ")");
        }
        return summary.metric("sink.msgsPerSec");
    }
}
