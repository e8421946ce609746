package org.jdpl.devices.reco.event;

/** Readout cells: one row per fired cell, {@code hitId} the simulated hit it came from (0 when unknown), {@code moduleId} a {@link org.jdpl.devices.reco.geometry.ModuleId}. */
public final class Cells
{
    public static final int HIT_ID = 0;
    public static final int MODULE_ID = 1;
    public static final int CH0 = 2;
    public static final int CH1 = 3;
    public static final int VALUE = 4;

    public static final Layout LAYOUT = Layout.of(1, 1, "Cells",
        Column.ofLong("hitId"),
        Column.ofInt("moduleId"),
        Column.ofInt("ch0"),
        Column.ofInt("ch1"),
        Column.ofFloat("value")
    );

    private Cells()
    {
    }
}
