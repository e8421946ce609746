package org.jdpl.gpu.service;

/** A service file that cannot be served: the message is one line, {@code file:line: what and what to do}. */
public final class ServiceConfigException extends RuntimeException
{
    public ServiceConfigException(final String message)
    {
        super(message);
    }
}
