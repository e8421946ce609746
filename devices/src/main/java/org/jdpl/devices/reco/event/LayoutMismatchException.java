package org.jdpl.devices.reco.event;

/** A payload does not hold the table layout its reader expects (wrong producer, version or corruption). */
public final class LayoutMismatchException extends RuntimeException
{
    public LayoutMismatchException(final String message)
    {
        super(message);
    }
}
