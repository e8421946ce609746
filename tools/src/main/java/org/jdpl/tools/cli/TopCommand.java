package org.jdpl.tools.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;

import org.jdpl.tools.top.Top;
import org.jdpl.tools.view.RunEntry;
import org.jdpl.tools.view.RunLocator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dpl top [RUN]}: the live terminal view of a running graph. */
@Command(
    name = "top",
    mixinStandardHelpOptions = true,
    description = {"Watch a run live: devices and their states, rates, p50/p99, CPU, RSS, edges, logs.",
        "Keys: up/down or j/k select, Enter details, l logs, p pause/resume the sources, s stop the run, q quit.",
        "Without RUN: the only running run, or a choice among them. Attaching and quitting never disturb the run."})
final class TopCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Mixin
    RunsDirMixin runs;

    @Parameters(arity = "0..1", paramLabel = "RUN", description = "A run id (or a unique prefix of it).")
    String run;

    @Override
    public Integer call() throws Exception
    {
        final RunLocator locator = runs.locator();
        final RunEntry entry = run != null ? locator.find(run) : choose(locator);
        if (entry == null)
        {
            return ExitCode.OK;
        }
        Top.show(entry);
        return ExitCode.OK;
    }

    private RunEntry choose(final RunLocator locator) throws IOException
    {
        final List<RunEntry> running = locator.running();
        if (running.isEmpty())
        {
            throw new UserError("no run is running in " + locator.runsDir().toAbsolutePath() +
                "; `dpl status --list` lists the finished ones, `dpl top RUN` shows one");
        }
        if (running.size() == 1)
        {
            return running.getFirst();
        }
        final PrintWriter out = spec.commandLine().getOut();
        for (int i = 0; i < running.size(); i++)
        {
            out.printf("%2d  %s  (%d processes)%n", i + 1, running.get(i).id(), running.get(i).manifest().plan().processCount());
        }
        out.print("which run (1-" + running.size() + ", empty to quit)? ");
        out.flush();
        final String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (answer == null || answer.isBlank())
        {
            return null;
        }
        try
        {
            return running.get(Integer.parseInt(answer.trim()) - 1);
        }
        catch (final NumberFormatException | IndexOutOfBoundsException ex)
        {
            throw new UserError("'" + answer.trim() + "' is not one of 1-" + running.size());
        }
    }
}
