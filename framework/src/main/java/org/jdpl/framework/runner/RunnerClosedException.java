package org.jdpl.framework.runner;

/** The runner was closed (SIGTERM, a test) while it waited: it ends without finishing the stream. */
final class RunnerClosedException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    RunnerClosedException()
    {
        super("closed before end of stream", null, false, false);
    }
}
