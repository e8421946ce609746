package org.jdpl.devices.reco.event;

/** Spacepoints (measured hit positions in mm): the clusterizer's output, and a source's hits for events without cells. */
public final class Spacepoints
{
    public static final int HIT_ID = 0;
    public static final int X = 1;
    public static final int Y = 2;
    public static final int Z = 3;
    public static final int MODULE_ID = 4;

    public static final Layout LAYOUT = Layout.of(3, 1, "Spacepoints",
        Column.ofLong("hitId"),
        Column.ofFloat("x"),
        Column.ofFloat("y"),
        Column.ofFloat("z"),
        Column.ofInt("moduleId")
    );

    private Spacepoints()
    {
    }
}
