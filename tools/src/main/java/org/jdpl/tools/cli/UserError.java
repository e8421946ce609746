package org.jdpl.tools.cli;

/** A problem the user must fix; printed as one message, never as a stack trace. */
public final class UserError extends RuntimeException
{
    private final int exitCode;

    public UserError(final String message)
    {
        this(message, ExitCode.USAGE);
    }

    public UserError(final String message, final int exitCode)
    {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode()
    {
        return exitCode;
    }
}
