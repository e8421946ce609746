package org.jdpl.tools.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.jdpl.tools.report.ReportWriter;
import org.jdpl.tools.view.PickedRun;
import org.jdpl.tools.view.RunEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dpl report [RUN] [--out DIR] [--open]}: a run as one self-contained HTML page. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {"Write a run's report: one HTML file that needs no network (summary, topology graph, per-device charts over time,",
        "timeframes in flight, QC histograms, last log lines). Works for finished, failed, interrupted, killed and running runs.",
        "Without RUN: the live run if exactly one is, else the most recent."})
final class ReportCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Mixin
    RunsDirMixin runs;

    @Parameters(arity = "0..1", paramLabel = "RUN", description = "A run id (or a unique prefix of it).")
    String run;

    @Option(names = "--out", paramLabel = "DIR", description = "Write DIR/<run-id>.html instead of runs/<run-id>/report.html.")
    Path out;

    @Option(names = "--open", description = "Open the report in the desktop's browser (xdg-open).")
    boolean open;

    @Override
    public Integer call()
    {
        final PrintWriter stdout = spec.commandLine().getOut();
        final RunEntry entry;
        if (run == null)
        {
            final PickedRun picked = runs.locator().pick();
            if (picked == null)
            {
                throw new UserError("no runs in " + runs.locator().runsDir().toAbsolutePath() + "; give --runs-dir for another directory");
            }
            spec.commandLine().getErr().println(picked.notice());
            entry = picked.entry();
        }
        else
        {
            entry = runs.locator().find(run);
        }
        final Path file = ReportWriter.write(entry, out);
        stdout.println(file.toAbsolutePath());
        if (open)
        {
            open(file, spec.commandLine().getErr());
        }
        return ExitCode.OK;
    }

    static void open(final Path file, final PrintWriter err)
    {
        try
        {
            new ProcessBuilder("xdg-open", file.toAbsolutePath().toString()).inheritIO().start();
        }
        catch (final IOException ex)
        {
            err.println("cannot start xdg-open (" + ex.getMessage() + "); open " + file.toAbsolutePath() + " in a browser");
        }
    }
}
