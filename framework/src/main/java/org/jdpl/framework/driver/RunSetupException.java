package org.jdpl.framework.driver;

/** The Driver could not set up a run's shared resources; the message says why and what to do. */
public final class RunSetupException extends RuntimeException
{
    public RunSetupException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
