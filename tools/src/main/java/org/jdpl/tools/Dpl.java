package org.jdpl.tools;

import java.io.PrintWriter;

import org.jdpl.tools.cli.DplCommand;
import picocli.CommandLine;

/** The {@code dpl} entry point. */
public final class Dpl
{
    private Dpl()
    {
    }

    public static void main(final String[] args)
    {
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs one command with the given writers; tests call this in-process. */
    public static int execute(final PrintWriter out, final PrintWriter err, final String... args)
    {
        return DplCommand.commandLine(out, err).execute(args);
    }

    /** The command line, for tests that inspect it. */
    public static CommandLine commandLine(final PrintWriter out, final PrintWriter err)
    {
        return DplCommand.commandLine(out, err);
    }
}
