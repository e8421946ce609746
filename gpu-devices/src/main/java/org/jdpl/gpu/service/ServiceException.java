package org.jdpl.gpu.service;

/** A request the service did not answer well: absent, dead, too slow, or failed there. The message says which. */
public final class ServiceException extends RuntimeException
{
    public ServiceException(final String message)
    {
        super(message);
    }
}
