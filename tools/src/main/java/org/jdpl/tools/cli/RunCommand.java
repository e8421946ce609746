package org.jdpl.tools.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.jdpl.framework.driver.Driver;
import org.jdpl.framework.driver.DriverContext;
import org.jdpl.framework.driver.ProgressMode;
import org.jdpl.framework.driver.RunSetupException;
import org.jdpl.framework.driver.RunSummary;
import org.jdpl.framework.driver.SummaryPrinter;
import org.jdpl.framework.topology.Compilation;
import org.jdpl.tools.report.ReportWriter;
import org.jdpl.tools.view.RunEntry;
import org.jdpl.tools.view.RunLocator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dpl run FILE...}: resolve a topology, run it in real device processes, print the summary. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
        "Run a topology: one JVM per device replica over shared memory, to the end of the stream.",
        "Exit 0 only if every device ended cleanly; 1 if one failed; 130 if stopped by SIGINT/SIGTERM",
        "(the first signal stops the sources gracefully, a second kills every device)."})
final class RunCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Mixin
    TopologyFilesMixin topology;

    @Option(names = "--summary-json", paramLabel = "FILE", description = "Also write the run summary as JSON to FILE.")
    Path summaryJson;

    @Option(names = "--runs-dir", paramLabel = "DIR",
        description = "Where run directories (logs, reports, summary) go (default: $JDPL_RUNS_DIR or ./runs).")
    Path runsDir;

    @Option(names = "--report", description = "At the end, write the run's HTML report (dpl report) and print its path.")
    boolean report;

    @Option(names = "--sample-period", paramLabel = "MS", defaultValue = "1000",
        description = "How often the Driver samples every device's counters into the run's time series (runs/<id>/timeseries.jsonl), " +
            "in ms (default: ${DEFAULT-VALUE}; at least 10; --launcher slurm samples every 1000).")
    long samplePeriodMs;

    @Option(names = "--launcher", paramLabel = "local|slurm", defaultValue = "local",
        description = {"local (default): every device on this machine.",
            "slurm: inside a Slurm allocation (salloc/sbatch), one host agent per node of the allocation, started with srun;",
            "the topology's hosts are the allocation's nodes, their addresses come from Slurm."})
    Launcher launcher;

    /** Where the devices run. */
    enum Launcher
    {
        local, slurm
    }

    @Override
    public Integer call()
    {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final Compilation compilation = topology.compile();
        if (!compilation.ok())
        {
            err.println(compilation.problemReport());
            return ExitCode.FAILED;
        }

        if (samplePeriodMs < 10)
        {
            throw new UserError("--sample-period " + samplePeriodMs + ": sample at most every 10 ms (the default is 1000)");
        }
        final DriverContext context = new DriverContext().console(out).progress(progressMode())
            .keyLocations(compilation::locationOf).samplePeriodMs(samplePeriodMs);
        if (runsDir != null)
        {
            context.runsDir(runsDir);
        }
        if (launcher == Launcher.slurm)
        {
            final SlurmRun slurm = new SlurmRun(context.runsDir(), out, summaryJson);
            final int exit = slurm.run(compilation.plan());
            writeReport(slurm.runDir(), out);
            return exit;
        }
        final Driver driver = new Driver(context);
        final RunSummary summary;
        try (SignalStopper ignored = new SignalStopper(driver::requestStop, driver::requestKill))
        {
            summary = driver.run(compilation.plan());
        }
        catch (final RunSetupException ex)
        {
            throw new UserError(ex.getMessage(), ExitCode.FAILED);
        }
        SummaryPrinter.printTable(summary, out);
        if (summaryJson != null)
        {
            SummaryPrinter.writeJson(summary, summaryJson);
        }
        writeReport(Path.of(summary.runDir()), out);
        return switch (summary.status())
        {
            case OK -> ExitCode.OK;
            case FAILED -> ExitCode.FAILED;
            case INTERRUPTED -> ExitCode.INTERRUPTED;
        };
    }

    private void writeReport(final Path runDir, final PrintWriter out)
    {
        if (!report || runDir == null)
        {
            return;
        }
        // The run's own exit code stands whatever happens to its report.
        final RunEntry entry = RunLocator.read(runDir);
        if (entry == null)
        {
            spec.commandLine().getErr().println("dpl run --report: " + runDir + " holds no run.json; no report written");
            return;
        }
        try
        {
            out.println("report: " + ReportWriter.write(entry, null).toAbsolutePath());
        }
        catch (final UserError ex)
        {
            spec.commandLine().getErr().println("dpl run --report: " + ex.getMessage());
        }
    }

    /** A live line on a terminal, a line every few seconds otherwise. */
    private static ProgressMode progressMode()
    {
        final java.io.Console console = System.console();
        return console != null && console.isTerminal() ? ProgressMode.LINE : ProgressMode.LOG;
    }
}
