package org.jdpl.tools.bench;

/**
 * What {@code dpl bench chaos} does: how long it runs, how fast the source produces, how often a
 * device is killed on average, and the seed that makes the kills repeatable.
 */
public record ChaosSettings(long millis, int rateHz, double meanKillSeconds, long seed)
{
    public double seconds()
    {
        return millis / 1000.0;
    }
}
