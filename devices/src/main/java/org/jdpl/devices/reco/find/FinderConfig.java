package org.jdpl.devices.reco.find;

/**
 * Settings of the track finder.
 *
 * @param minHits       fewest hits a track keeps after shared hits are resolved
 * @param windowScale   multiplies every search window (1: the built-in per-detector windows)
 * @param bFieldTesla   solenoid field
 */
public record FinderConfig(int minHits, double windowScale, double bFieldTesla)
{
    public static FinderConfig defaults()
    {
        return new FinderConfig(4, 1.0, 2.0);
    }
}
