package org.jdpl.devices.reco.event;

/** Triplet seeds: rows of the timeframe's spacepoint table (bottom, middle, top) and a quality, lower is better. */
public final class Seeds
{
    public static final int BOTTOM = 0;
    public static final int MIDDLE = 1;
    public static final int TOP = 2;
    public static final int QUALITY = 3;

    public static final Layout LAYOUT = Layout.of(6, 1, "Seeds",
        Column.ofInt("bottom"),
        Column.ofInt("middle"),
        Column.ofInt("top"),
        Column.ofFloat("quality")
    );

    private Seeds()
    {
    }
}
