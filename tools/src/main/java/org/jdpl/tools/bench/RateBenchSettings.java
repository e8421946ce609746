package org.jdpl.tools.bench;

/**
 * What {@code dpl bench rate} runs.
 *
 * @param timeframes how many timeframes per mode
 * @param workUs     busy work of the slow stage per timeframe, microseconds
 * @param workJitter how much that work varies either way (fraction)
 * @param inFlight   {@code rate-limit.timeframes-in-flight}
 */
public record RateBenchSettings(long timeframes, long workUs, double workJitter, int inFlight)
{
    /** About 10 s of steady flow per mode. */
    public static RateBenchSettings full()
    {
        return new RateBenchSettings(2_500, 4_000, 0.5, 16);
    }

    /** A couple of seconds per mode: checks that everything runs; the numbers mean little. */
    public static RateBenchSettings quick()
    {
        return new RateBenchSettings(300, 2_000, 0.5, 8);
    }
}
