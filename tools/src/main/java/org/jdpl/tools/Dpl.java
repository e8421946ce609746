package org.jdpl.tools;

import java.io.PrintWriter;

import org.jdpl.framework.driver.AotCache;
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
        final String cacheNotUsed = AotCache.notUsedReason();
        if (cacheNotUsed != null)
        {
            // Said once, here: the JVMs this one starts are not given the cache (AotCache.startOptions).
            System.err.println("dpl: " + cacheNotUsed + "; running without it (./dpl makes it again on its next use)");
            AotCache.forgetUnusable();
        }
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
