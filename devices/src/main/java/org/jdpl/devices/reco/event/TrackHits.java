package org.jdpl.devices.reco.event;

/** Hit-to-track assignments: a track number (within its event), the spacepoint row and its hit id. */
public final class TrackHits
{
    public static final int TRACK = 0;
    public static final int SPACEPOINT = 1;
    public static final int HIT_ID = 2;

    public static final Layout LAYOUT = Layout.of(7, 1, "TrackHits",
        Column.ofInt("track"),
        Column.ofInt("spacepoint"),
        Column.ofLong("hitId")
    );

    private TrackHits()
    {
    }
}
