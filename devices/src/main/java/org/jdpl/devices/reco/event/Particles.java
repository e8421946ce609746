package org.jdpl.devices.reco.event;

/** Generated particles: vertex (mm), momentum (GeV), charge and number of hits. */
public final class Particles
{
    public static final int PARTICLE_ID = 0;
    public static final int VX = 1;
    public static final int VY = 2;
    public static final int VZ = 3;
    public static final int PX = 4;
    public static final int PY = 5;
    public static final int PZ = 6;
    public static final int CHARGE = 7;
    public static final int NHITS = 8;

    public static final Layout LAYOUT = Layout.of(5, 1, "Particles",
        Column.ofLong("particleId"),
        Column.ofFloat("vx"),
        Column.ofFloat("vy"),
        Column.ofFloat("vz"),
        Column.ofFloat("px"),
        Column.ofFloat("py"),
        Column.ofFloat("pz"),
        Column.ofInt("charge"),
        Column.ofInt("nhits")
    );

    private Particles()
    {
    }
}
