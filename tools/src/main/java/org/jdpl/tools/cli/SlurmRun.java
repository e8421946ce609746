package org.jdpl.tools.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.jdpl.framework.cluster.ClusterContext;
import org.jdpl.framework.cluster.ClusterRun;
import org.jdpl.framework.cluster.ClusterSummary;
import org.jdpl.framework.cluster.HostLauncher;
import org.jdpl.framework.cluster.HostOutcome;
import org.jdpl.framework.driver.JvmFlags;
import org.jdpl.framework.driver.SummaryPrinter;
import org.jdpl.framework.plan.Plan;
import org.jdpl.tools.Dpl;
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
    private static final long CLEAN_TIMEOUT_SECONDS = 30;
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    private final Path runsDir;
    private final PrintWriter out;
    private final Path summaryJson;

    SlurmRun(final Path runsDir, final PrintWriter out, final Path summaryJson)
    {
        this.runsDir = runsDir;
        this.out = out;
        this.summaryJson = summaryJson;
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
        final Path runDir = runsDir.resolve("cluster-" + LocalDateTime.now().format(RUN_ID) + "-" + ProcessHandle.current().pid());
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
        cleanAfterDeadAgents(summary);
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

    /**
     * An agent that died (killed, out of memory) could not remove its host's /dev/shm run directory;
     * {@code dpl clean} on that node does, as a last step of the allocation.
     */
    private void cleanAfterDeadAgents(final ClusterSummary summary)
    {
        for (final HostOutcome host : summary.hosts())
        {
            if (host.summary() != null)
            {
                continue;
            }
            final List<String> clean = new ArrayList<>(HostLauncher.parse(SlurmAllocation.stepPrefix()).command(host.host(), "",
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString())));
            clean.addAll(JvmFlags.load());
            clean.addAll(List.of("-cp", System.getProperty("java.class.path"), Dpl.class.getName(), "clean"));
            try
            {
                final Process process = new ProcessBuilder(clean).redirectErrorStream(true).start();
                final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                final boolean done = process.waitFor(CLEAN_TIMEOUT_SECONDS, TimeUnit.SECONDS) && process.exitValue() == 0;
                out.printf("host %s: its agent died; dpl clean there %s%s%n", host.host(), done ? "done" : "FAILED",
                    output.isEmpty() ? "" : ": " + output.replace('\n', ';'));
                if (!done)
                {
                    process.destroyForcibly();
                }
            }
            catch (final IOException ex)
            {
                out.printf("host %s: its agent died and dpl clean could not start there (%s); run 'dpl clean' on %s%n",
                    host.host(), ex.getMessage(), host.host());
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void print(final ClusterSummary summary)
    {
        out.println();
        for (final HostOutcome host : summary.hosts())
        {
            out.printf("host %-12s %s (agent exit %d), log %s%n", host.host(), host.ok() ? "ok" : "FAILED", host.exitCode(), host.log());
        }
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
