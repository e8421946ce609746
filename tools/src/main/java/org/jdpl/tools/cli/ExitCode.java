package org.jdpl.tools.cli;

/** Exit codes of every dpl command. */
public final class ExitCode
{
    /** Done, and everything was fine. */
    public static final int OK = 0;
    /** The run or check ran but failed (a device failed, the topology has problems). */
    public static final int FAILED = 1;
    /** Bad usage or bad input the user must fix (unreadable file, unknown option). */
    public static final int USAGE = 2;
    /** Stopped by SIGINT/SIGTERM. */
    public static final int INTERRUPTED = 130;

    private ExitCode()
    {
    }
}
