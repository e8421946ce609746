package org.jdpl.devices.reco.qc;

/**
 * What {@link TrackQc} fills and how: the binnings, the efficiency's particle selection (as the scorer's), and the
 * field the truth's helix parameters are computed in.
 */
public record QcConfig(
    Binning pt,
    Binning eta,
    Binning ptResidual,
    Binning d0Residual,
    Binning z0Residual,
    Binning pull,
    Binning hits,
    Binning chi2Ndf,
    Binning clusterSize,
    double efficiencyPtMin,
    int efficiencyMinHits,
    double bFieldTesla)
{
    public static QcConfig defaults()
    {
        return new QcConfig(new Binning(25, 0, 5), new Binning(24, -3, 3), new Binning(50, -0.2, 0.2), new Binning(50, -0.5, 0.5),
            new Binning(50, -2, 2), new Binning(50, -6, 6), new Binning(30, 0, 30), new Binning(50, 0, 50), new Binning(16, 0, 16),
            1.0, 4, 2.0);
    }
}
