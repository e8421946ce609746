package org.jdpl.tools.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code dpl} command: lists the subcommands. */
@Command(
    name = "dpl",
    mixinStandardHelpOptions = true,
    version = "jdpl 0.1.0",
    description = "jdpl: run and inspect dataflow topologies of reconstruction devices.",
    subcommands = {
        CommandLine.HelpCommand.class,
        RunCommand.class,
        ServeCommand.class,
        CleanCommand.class,
        ValidateCommand.class,
        GraphCommand.class,
        DevicesCommand.class,
        StatusCommand.class,
        ReportCommand.class,
        LogsCommand.class,
        TopCommand.class,
        BenchCommand.class,
        ScoreCommand.class,
        CompletionCommand.class,
    })
public final class DplCommand implements Runnable
{
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run()
    {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A configured command line writing to {@code out} and {@code err}. */
    public static CommandLine commandLine(final PrintWriter out, final PrintWriter err)
    {
        final CommandLine cl = new CommandLine(new DplCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(new UserErrorHandler());
        return cl;
    }
}
