package org.jdpl.tools.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.jdpl.framework.cluster.ClusterContext;
import org.jdpl.framework.cluster.ClusterRun;
import org.jdpl.framework.cluster.ClusterSummary;
import org.jdpl.framework.cluster.HostLauncher;
import org.jdpl.framework.cluster.HostOutcome;
import org.jdpl.framework.driver.SummaryPrinter;
import org.jdpl.framework.plan.Plan;
import org.jdpl.tools.cluster.HostAssignment;
import org.jdpl.tools.cluster.SlurmAllocation;

/**
 * {@code dpl run --launcher slurm}: inside a Slurm allocation, places the plan's hosts on the
 * allocation's nodes, starts one host agent per node with {@code srun} and supervises them
 * ({@link ClusterRun}); prints each host's outcome and, with {@code --summary-json}, writes them all.
 */
final class SlurmRun
{
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    private final Path runsDir;
    private final PrintWriter out;
    private final Path summaryJson;
    private Path runDir;

    SlurmRun(final Path runsDir, final PrintWriter out, final Path summaryJson)
    {
        this.runsDir = runsDir;
        this.out = out;
        this.summaryJson = summaryJson;
    }

    /** The cluster run's directory, once {@link #run} has made it; null before. */
    Path runDir()
    {
        return runDir;
    }

    int run(final Plan plan)
    {
        final SlurmAllocation allocation;
        final Plan placed;
        try
        {
            allocation = SlurmAllocation.fromEnvironment(System.getenv());
            placed = HostAssignment.onto(plan, allocation);
        }
        catch (final IllegalStateException ex)
        {
            throw new UserError("dpl run --launcher slurm: " + ex.getMessage(), ExitCode.FAILED);
        }
        runDir = runsDir.resolve("cluster-" + LocalDateTime.now().format(RUN_ID) + "-" + ProcessHandle.current().pid());
        out.printf("dpl run: Slurm job %s, hosts %s; run directory %s%n", allocation.jobId(), placed.placement().hostNames(), runDir);
        final ClusterRun run = new ClusterRun(new ClusterContext()
            .runDir(runDir)
            .launcher(HostLauncher.parse(SlurmAllocation.stepPrefix()))
            .classPath(System.getProperty("java.class.path"))
            .console(out));
        final ClusterSummary summary;
        try (SignalStopper ignored = new SignalStopper(run::requestStop, run::requestStop))
        {
            summary = run.run(placed);
        }
        print(summary);
        if (summaryJson != null)
        {
            writeJson(summary);
        }
        return switch (summary.status())
        {
            case OK -> ExitCode.OK;
            case FAILED -> ExitCode.FAILED;
            case INTERRUPTED -> ExitCode.INTERRUPTED;
        };
    }

    private void print(final ClusterSummary summary)
    {
        out.println();
        for (final HostOutcome host : summary.hosts())
        {
            out.printf("host %-12s %s (agent exit %d), log %s%n", host.host(), host.ok() ? "ok" : "FAILED", host.exitCode(), host.log());
        }
        summary.incidents().forEach(incident -> out.println("incident: " + incident));
        SummaryPrinter.printTimeslices(summary.timeslices(), out);
        out.printf("run %s%s%n", summary.status().name().toLowerCase(Locale.ROOT),
            summary.failure() == null ? "" : ": " + summary.failure());
    }

    private void writeJson(final ClusterSummary summary)
    {
        try
        {
            final Path parent = summaryJson.toAbsolutePath().getParent();
            if (parent != null)
            {
                Files.createDirectories(parent);
            }
            JSON.writeValue(summaryJson.toFile(), summary);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write " + summaryJson + ": " + ex.getMessage(), ex);
        }
    }
}
