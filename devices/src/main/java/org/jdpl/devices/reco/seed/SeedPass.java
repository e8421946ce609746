package org.jdpl.devices.reco.seed;

/** One pass of the seed search: its cuts and the curvature bound they give. */
final class SeedPass
{
    final SeedConfig config;
    final SeedCuts cuts;
    /** 1 / (2 radius) of a track at the pass's pt-min, with slack: in the conformal map about a middle, a circle of radius R through it is a line at distance 1/(2R). */
    final double curvatureMax;

    SeedPass(final SeedConfig config)
    {
        this.config = config;
        this.cuts = new SeedCuts(config);
        this.curvatureMax = 1 / (2 * cuts.radiusMin()) * (1 + 1e-6);
    }
}
