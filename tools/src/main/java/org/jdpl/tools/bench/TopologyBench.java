package org.jdpl.tools.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.jdpl.framework.catalog.DeviceCatalog;
import org.jdpl.framework.driver.Driver;
import org.jdpl.framework.driver.DriverContext;
import org.jdpl.framework.driver.RunStatus;
import org.jdpl.framework.driver.RunSummary;
import org.jdpl.framework.plan.Plan;
import org.jdpl.framework.topology.Compilation;
import org.jdpl.framework.topology.TopologyCompiler;

/**
 * Runs one benchmark topology through the Driver, in real device processes, and returns its
 * summary metrics. Device logs go to one file in the bench directory, not to the console.
 */
final class TopologyBench implements AutoCloseable
{
    private final Path benchDir;
    private final PrintWriter deviceLog;
    private final DeviceCatalog catalog = DeviceCatalog.load();
    private int runs;

    TopologyBench(final Path benchDir)
    {
        this.benchDir = benchDir;
        try
        {
            this.deviceLog = new PrintWriter(Files.newBufferedWriter(benchDir.resolve("devices.log"), StandardCharsets.UTF_8), true);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write to " + benchDir + ": " + ex.getMessage(), ex);
        }
    }

    /** Runs {@code topology} (HOCON text) to its end; fails, naming the step, when the run does not end cleanly. */
    Map<String, Double> run(final String step, final String topology)
    {
        return runPlanned(step, topology).summary().metrics();
    }

    /** A run's plan and summary. */
    record Outcome(Plan plan, RunSummary summary)
    {
    }

    /** As {@link #run}, keeping the plan and the whole summary. */
    Outcome runPlanned(final String step, final String topology)
    {
        final Path file = benchDir.resolve("bench-" + (++runs) + ".conf");
        try
        {
            Files.writeString(file, topology);
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
        deviceLog.println("=== " + step + " (" + file.getFileName() + ")");
        final RunSummary summary = new Driver(new DriverContext().console(deviceLog).runsDir(benchDir.resolve("runs")))
            .run(compilation.plan());
        if (summary.status() != RunStatus.OK)
        {
            throw new IllegalStateException("benchmark step " + step + " failed: " + summary.failure() +
                " (device logs: " + benchDir.resolve("devices.log") + ")");
        }
        return new Outcome(compilation.plan(), summary);
    }

    @Override
    public void close()
    {
        deviceLog.close();
    }
}
