package org.jdpl.testsupport;

/** Assumptions about hardware: a test that cannot run on this machine's hardware skips, in CI too. */
public final class Hardware
{
    private Hardware()
    {
    }

    /** Skips unless a CUDA GPU is here; {@code reason} says why not. */
    public static void assumeCuda(final boolean available, final String reason)
    {
        if (!available)
        {
            throw new HardwareUnavailable("no CUDA GPU here: " + reason);
        }
    }

    /** Skips when a CUDA GPU is here: the test checks how the code copes without one. */
    public static void assumeNoCuda(final boolean available, final String description)
    {
        if (available)
        {
            throw new HardwareUnavailable("a CUDA GPU is here (" + description + "): this test is of a machine without one");
        }
    }
}
