package org.jdpl.framework.runner;

/** The device cannot start: unreadable manifest, unknown device or type, bad options (exit BAD_SETUP). */
public final class DeviceSetupException extends Exception
{
    private static final long serialVersionUID = 1L;

    public DeviceSetupException(final String message)
    {
        super(message);
    }

    public DeviceSetupException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
