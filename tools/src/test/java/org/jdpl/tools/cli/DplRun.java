package org.jdpl.tools.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.jdpl.tools.Dpl;

/** One in-process {@code dpl} invocation: its exit code and what it printed. */
record DplRun(int exitCode, String out, String err)
{
    static final String TOPOLOGIES = "src/test/resources/topologies/";

    static DplRun run(final String... args)
    {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final int exitCode = Dpl.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new DplRun(exitCode, out.toString(), err.toString());
    }

    @Override
    public String toString()
    {
        return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
}
