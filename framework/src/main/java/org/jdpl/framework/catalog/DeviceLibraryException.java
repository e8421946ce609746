package org.jdpl.framework.catalog;

/** A device library cannot be used: missing, without device types, or defining a type another source defines. */
public final class DeviceLibraryException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final transient DeviceLibrary library;

    DeviceLibraryException(final DeviceLibrary library, final String message, final Throwable cause)
    {
        super(message, cause);
        this.library = library;
    }

    /** The library at fault, with where it was named. */
    public DeviceLibrary library()
    {
        return library;
    }
}
