package org.jdpl.framework.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jdpl.framework.catalog.DeviceCatalog;
import org.jdpl.framework.driver.Driver;
import org.jdpl.framework.driver.DriverContext;
import org.jdpl.framework.driver.RunSummary;
import org.jdpl.framework.topology.Compilation;
import org.jdpl.framework.topology.TopologyCompiler;

/**
 * Runs a small topology as {@code dpl run} does: one JVM per device replica on this JVM's class
 * path (so a test's own device types run too), wired over /dev/shm, and returns the run's summary.
 *
 * <pre>{@code
 * final RunSummary run = TopologyTester.of("""
 *     devices {
 *       source { use = counter-source, options.timeslices = 100 }
 *       sink   { use = checksum-sink, inputs = ["in:TST/COUNTER"] }
 *     }""").runIn(tempDir);
 * assertEquals(RunStatus.OK, run.status());
 * assertEquals(100.0, run.metrics().get("sink.received"));
 * }</pre>
 */
public final class TopologyTester
{
    private final List<Path> files = new ArrayList<>();
    private final String text;
    private final List<String> sets = new ArrayList<>();

    private TopologyTester(final List<Path> files, final String text)
    {
        this.files.addAll(files);
        this.text = text;
    }

    /** The topology in these files, composed in order (as {@code dpl run a.conf b.conf}). */
    public static TopologyTester of(final Path... files)
    {
        return new TopologyTester(List.of(files), null);
    }

    /** The topology in this HOCON text (written to {@code topology.conf} in the run's directory). */
    public static TopologyTester of(final String hocon)
    {
        return new TopologyTester(List.of(), hocon);
    }

    /** A {@code key=value} override, as {@code --set}. */
    public TopologyTester set(final String keyValue)
    {
        sets.add(keyValue);
        return this;
    }

    /**
     * Runs it with run directories under {@code directory}; an AssertionError with the problem
     * report when the topology does not compile. The summary says how the run ended.
     */
    public RunSummary runIn(final Path directory) throws IOException
    {
        final List<Path> topology = new ArrayList<>(files);
        if (text != null)
        {
            topology.add(Files.writeString(Files.createDirectories(directory).resolve("topology.conf"), text));
        }
        final Compilation compilation = TopologyCompiler.compile(topology, sets, DeviceCatalog.load());
        if (!compilation.ok())
        {
            throw new AssertionError("the topology does not compile:\n" + compilation.problemReport());
        }
        return new Driver(new DriverContext().runsDir(directory.resolve("runs"))).run(compilation.plan());
    }
}
