package org.jdpl.tools.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.jdpl.framework.plan.Plan;
import org.jdpl.framework.topology.Compilation;
import org.jdpl.framework.topology.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code dpl validate FILE...}: every problem of a topology, one line each; exit 0 only when clean. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
        "Check a topology: syntax, device types, options, specs, wiring and cycles.",
        "Prints every problem as one line 'file:line: what; what to do'. Exit 0 when clean, 1 with problems, 2 on bad usage."
    })
public final class ValidateCommand implements Callable<Integer>
{
    @Mixin
    TopologyFilesMixin topology;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        final Compilation result = topology.compile();
        final PrintWriter out = spec.commandLine().getOut();
        if (!result.ok())
        {
            printProblems(result, out, spec.commandLine().getErr());
            return ExitCode.FAILED;
        }
        final Plan plan = result.plan();
        out.println("ok: " + plan.devices().size() + " devices, " + plan.processCount() + " processes (" + topology.fileNames() + ")");
        out.flush();
        return ExitCode.OK;
    }

    /** The problems on {@code problemsOut}, one per line, and their count on {@code err}. */
    static void printProblems(final Compilation result, final PrintWriter problemsOut, final PrintWriter err)
    {
        for (final Problem problem : result.problems())
        {
            problemsOut.println(problem);
        }
        problemsOut.flush();
        final int n = result.problems().size();
        err.println(n == 1 ? "1 problem" : n + " problems");
        err.flush();
    }
}
