package org.jdpl.tools.bench;

/**
 * How much {@code dpl bench net} sends: message counts for the small (64 B) and large (1 MiB)
 * payloads, and the UDP port the subscriber listens on.
 */
public record NetBenchSettings(long smallMessages, long largeMessages, int port)
{
    public static final int SMALL_BYTES = 64;
    public static final int LARGE_BYTES = 1024 * 1024;
    private static final int DEFAULT_PORT = 40_444;

    /** Enough messages for a few seconds per measurement. */
    public static NetBenchSettings full()
    {
        return new NetBenchSettings(2_000_000, 400, DEFAULT_PORT);
    }

    /** Tiny counts: checks that every step runs; the numbers mean little. */
    public static NetBenchSettings quick()
    {
        return new NetBenchSettings(20_000, 16, DEFAULT_PORT);
    }
}
