package org.jdpl.devices.reco.io;

/** A TrackML file is missing or malformed; the message names the file and, where known, the line. */
public final class TrackmlFormatException extends RuntimeException
{
    public TrackmlFormatException(final String message)
    {
        super(message);
    }

    public TrackmlFormatException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
