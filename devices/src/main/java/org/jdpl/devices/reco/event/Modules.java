package org.jdpl.devices.reco.event;

/** The geometry of the modules that have cells in an event: centre, local-to-global rotation (row-major, columns u v w), half sizes and cell pitches, in mm. */
public final class Modules
{
    public static final int MODULE_ID = 0;
    public static final int CX = 1;
    public static final int CY = 2;
    public static final int CZ = 3;
    public static final int ROT_XU = 4;
    public static final int ROT_XV = 5;
    public static final int ROT_XW = 6;
    public static final int ROT_YU = 7;
    public static final int ROT_YV = 8;
    public static final int ROT_YW = 9;
    public static final int ROT_ZU = 10;
    public static final int ROT_ZV = 11;
    public static final int ROT_ZW = 12;
    public static final int HALF_U = 13;
    public static final int HALF_V = 14;
    public static final int PITCH_U = 15;
    public static final int PITCH_V = 16;

    public static final Layout LAYOUT = Layout.of(2, 1, "Modules",
        Column.ofInt("moduleId"),
        Column.ofFloat("cx"),
        Column.ofFloat("cy"),
        Column.ofFloat("cz"),
        Column.ofFloat("rotXu"),
        Column.ofFloat("rotXv"),
        Column.ofFloat("rotXw"),
        Column.ofFloat("rotYu"),
        Column.ofFloat("rotYv"),
        Column.ofFloat("rotYw"),
        Column.ofFloat("rotZu"),
        Column.ofFloat("rotZv"),
        Column.ofFloat("rotZw"),
        Column.ofFloat("halfU"),
        Column.ofFloat("halfV"),
        Column.ofFloat("pitchU"),
        Column.ofFloat("pitchV")
    );

    private Modules()
    {
    }
}
