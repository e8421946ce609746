package org.jdpl.devices.reco.event;

/**
 * Every hit id of each event, as its source knows them (the reader: its hits file), whether or not a hit
 * became a spacepoint: what a TrackML submission must cover, one row per hit.
 */
public final class HitIds
{
    public static final int HIT_ID = 0;

    public static final Layout LAYOUT = Layout.of(9, 1, "HitIds",
        Column.ofLong("hitId")
    );

    private HitIds()
    {
    }
}
