package org.jdpl.framework.runner;

/** The Driver process or the media driver is gone: the device stops by itself (exit DRIVER_LOST). */
final class DriverLostException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    DriverLostException(final String message)
    {
        super(message, null, false, false);
    }
}
