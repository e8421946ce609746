package org.jdpl.devices.reco.event;

/** Fitted tracks: perigee parameters (pT GeV, eta, phi, d0 and z0 mm) with their uncertainties. */
public final class Tracks
{
    public static final int TRACK = 0;
    public static final int N_HITS = 1;
    public static final int CHARGE = 2;
    public static final int PT = 3;
    public static final int ETA = 4;
    public static final int PHI = 5;
    public static final int D0 = 6;
    public static final int Z0 = 7;
    public static final int SIGMA_PT = 8;
    public static final int SIGMA_ETA = 9;
    public static final int SIGMA_PHI = 10;
    public static final int SIGMA_D0 = 11;
    public static final int SIGMA_Z0 = 12;
    public static final int CHI2_NDF = 13;

    public static final Layout LAYOUT = Layout.of(8, 1, "Tracks",
        Column.ofInt("track"),
        Column.ofInt("nHits"),
        Column.ofInt("charge"),
        Column.ofFloat("pt"),
        Column.ofFloat("eta"),
        Column.ofFloat("phi"),
        Column.ofFloat("d0"),
        Column.ofFloat("z0"),
        Column.ofFloat("sigmaPt"),
        Column.ofFloat("sigmaEta"),
        Column.ofFloat("sigmaPhi"),
        Column.ofFloat("sigmaD0"),
        Column.ofFloat("sigmaZ0"),
        Column.ofFloat("chi2Ndf")
    );

    private Tracks()
    {
    }
}
