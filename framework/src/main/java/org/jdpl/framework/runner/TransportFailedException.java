package org.jdpl.framework.runner;

/** A channel failed in a way retrying cannot fix (publication closed, stream position exhausted). */
final class TransportFailedException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    TransportFailedException(final String message)
    {
        super(message);
    }
}
