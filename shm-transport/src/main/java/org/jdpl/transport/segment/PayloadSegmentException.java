package org.jdpl.transport.segment;

/** A payload segment cannot be created or opened; the message says why and what to change. */
public final class PayloadSegmentException extends RuntimeException
{
    public PayloadSegmentException(final String message)
    {
        super(message);
    }

    public PayloadSegmentException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
