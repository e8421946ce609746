package org.jdpl.tools.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.jdpl.framework.topology.Compilation;
import org.jdpl.framework.topology.PlanRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dpl graph FILE... --format dot|mermaid|json}: the resolved plan, drawn. */
@Command(
    name = "graph",
    mixinStandardHelpOptions = true,
    description = {
        "Print the resolved plan: devices with their replicas, and edges labelled with the data they carry.",
        "Problems are printed as by 'dpl validate' (on stderr), with exit code 1."
    })
public final class GraphCommand implements Callable<Integer>
{
    @Mixin
    TopologyFilesMixin topology;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "dot",
        description = "dot (Graphviz), mermaid, or json (the plan itself). Default: ${DEFAULT-VALUE}.")
    PlanRenderer.Format format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        final Compilation result = topology.compile();
        final PrintWriter err = spec.commandLine().getErr();
        if (!result.ok())
        {
            ValidateCommand.printProblems(result, err, err);
            return ExitCode.FAILED;
        }
        final PrintWriter out = spec.commandLine().getOut();
        out.print(PlanRenderer.render(result.plan(), format));
        out.flush();
        return ExitCode.OK;
    }
}
