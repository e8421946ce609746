package org.jdpl.devices.reco.event;

/** Truth for each hit: the particle that made it (0 for noise) and its score weight. */
public final class Truth
{
    public static final int HIT_ID = 0;
    public static final int PARTICLE_ID = 1;
    public static final int WEIGHT = 2;

    public static final Layout LAYOUT = Layout.of(4, 1, "Truth",
        Column.ofLong("hitId"),
        Column.ofLong("particleId"),
        Column.ofFloat("weight")
    );

    private Truth()
    {
    }
}
