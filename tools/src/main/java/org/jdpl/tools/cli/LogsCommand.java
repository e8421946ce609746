package org.jdpl.tools.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.jdpl.framework.journal.JournalEntry;
import org.jdpl.tools.view.PickedRun;
import org.jdpl.tools.view.RunEntry;
import org.jdpl.tools.view.RunJournals;
import org.jdpl.tools.view.RunLocator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dpl logs [RUN]}: the run journal, every log line and state change, from the start. */
@Command(
    name = "logs",
    mixinStandardHelpOptions = true,
    description = {"Print a run's journal: every device's log lines, state changes and the Driver's events, timestamped.",
        "Works while the run goes on and after it ended or crashed. A multi-host run's shows every host's, in time order."})
final class LogsCommand implements Callable<Integer>
{
    private static final int BATCH = 256;

    @Spec
    CommandSpec spec;

    @Mixin
    RunsDirMixin runs;

    @Parameters(arity = "0..1", paramLabel = "RUN",
        description = "The run id (or a unique prefix of it). Without it: the live run if exactly one is, else the most recent.")
    String run;

    @Option(names = "--device", paramLabel = "NAME", description = "Only this device's lines (all replicas; NAME#R for one).")
    String device;

    @Option(names = {"-f", "--follow"}, description = "Keep printing new lines until the run ends.")
    boolean follow;

    @Override
    public Integer call()
    {
        final PrintWriter out = spec.commandLine().getOut();
        RunEntry entry = run != null ? runs.locator().find(run) : picked(out);
        final String runId = entry.id();
        final java.nio.file.Path journalDir = entry.journalDir();
        try (RunJournals reader = RunJournals.open(entry))
        {
            final IdleStrategy idle = new SleepingMillisIdleStrategy(100);
            while (true)
            {
                final int read = reader.poll(e -> print(out, e), BATCH);
                out.flush();
                if (read > 0)
                {
                    continue;
                }
                if (!follow)
                {
                    return ExitCode.OK;
                }
                entry = RunLocator.read(entry.dir());
                if (entry == null || !entry.running())
                {
                    while (reader.poll(e -> print(out, e), BATCH) > 0)
                    {
                        out.flush(); // the Driver's last lines
                    }
                    out.flush();
                    return ExitCode.OK;
                }
                idle.idle();
            }
        }
        catch (final IOException ex)
        {
            throw new UserError("run " + runId + " has no readable journal (" + ex.getMessage() +
                "); its plain logs are in " + journalDir.resolveSibling("logs"), ExitCode.FAILED);
        }
    }

    /** The run {@link RunLocator#pick} chose, named on the first line. */
    private RunEntry picked(final PrintWriter out)
    {
        final RunLocator locator = runs.locator();
        final PickedRun picked = locator.pick();
        if (picked == null)
        {
            throw new UserError("no runs in " + locator.runsDir().toAbsolutePath() + " (use --runs-dir for another directory)");
        }
        out.println(picked.notice());
        return picked.entry();
    }

    private void print(final PrintWriter out, final JournalEntry e)
    {
        if (matches(e.source()))
        {
            out.println(e.format());
        }
    }

    private boolean matches(final String source)
    {
        if (device == null)
        {
            return true;
        }
        final String replica = RunJournals.replicaOf(source);
        return device.contains("#") ? replica.equals(device) : replica.startsWith(device + "#");
    }
}
