package org.jdpl.tools.cli;

import picocli.CommandLine;

/**
 * Turns exceptions escaping a command into one line for the user. A {@link UserError} is the
 * expected case; anything else is a bug, reported as such with its class and message (the stack
 * trace only with {@code -Djdpl.debug=true}).
 */
final class UserErrorHandler implements CommandLine.IExecutionExceptionHandler
{
    @Override
    public int handleExecutionException(final Exception ex, final CommandLine cmd, final CommandLine.ParseResult parseResult)
    {
        if (ex instanceof UserError userError)
        {
            cmd.getErr().println("dpl " + cmd.getCommandName() + ": " + userError.getMessage());
            return userError.exitCode();
        }
        cmd.getErr().println("dpl " + cmd.getCommandName() + ": internal error: " + ex + " (please report it; rerun with -Djdpl.debug=true for the stack trace)");
        if (Boolean.getBoolean("jdpl.debug"))
        {
            ex.printStackTrace(cmd.getErr());
        }
        return ExitCode.FAILED;
    }
}
