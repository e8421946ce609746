package org.jdpl.gpu;

/** A GPU operation failed; the message says which call, with which error name, and what to do. */
public class GpuException extends RuntimeException
{
    public GpuException(final String message)
    {
        super(message);
    }

    public GpuException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
