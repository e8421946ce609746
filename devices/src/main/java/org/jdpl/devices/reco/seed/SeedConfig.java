package org.jdpl.devices.reco.seed;

/**
 * Cuts of the triplet seeder. Lengths in mm, momenta in GeV, field in T.
 *
 * @param ptMin          lowest transverse momentum seeded (sets the largest curvature)
 * @param bFieldTesla    solenoid field
 * @param deltaRMin      smallest radial distance of the hits of a doublet
 * @param deltaRMax      largest radial distance of the hits of a doublet
 * @param cotThetaMax    largest |cot theta| (|eta| about 4 for 27)
 * @param z0Max          largest |z| where a doublet's line meets the beam line
 * @param d0Max          largest transverse impact parameter of a triplet
 * @param cotTolerance   largest difference of the two doublets' cot theta, scaled by 1 + cot^2 theta (the polar
 *                       angle of the kink), from measurement alone
 * @param scattering     the kink multiple scattering adds at 1 GeV, rad (it falls as 1/p): the cut is
 *                       sqrt(cot-tolerance^2 + (scattering / p)^2), p from the triplet's curvature
 * @param seedsPerMiddle best triplets kept per middle spacepoint
 * @param maxVolume      only spacepoints of volumes up to this one take part (9: the pixel detector)
 * @param middleMaxVolume only spacepoints of volumes up to this one are middles (9: bottom and middle in the pixels,
 *                       the top anywhere up to max-volume), which halves the search at high density for a few
 *                       per cent of efficiency where a track crosses fewer than two pixel layers
 * @param phiBins        phi bins of the seeding grid
 * @param zBinMm         length of a z bin of the seeding grid
 * @param maxSkippedLayers most layers a doublet's straight line in (r, z) may pass through ({@link SeedLayers}): a
 *                       track leaves a hit in nearly every layer it crosses, so longer doublets are combinatorial
 * @param tightPtMin     pt-min of the first pass: each middle is seeded first with pt-min raised to this and d0-max
 *                       lowered to tight-d0-max, and only a middle without a seed then is seeded with the full cuts
 *                       ({@link #tightPass}); so at high density a middle keeps its prompt, stiff triplets and the
 *                       soft and displaced ones are looked for where nothing else is there
 * @param tightD0Max     d0-max of the first pass
 */
public record SeedConfig(double ptMin, double bFieldTesla, double deltaRMin, double deltaRMax, double cotThetaMax, double z0Max,
    double d0Max, double cotTolerance, double scattering, int seedsPerMiddle, int maxVolume, int middleMaxVolume, int phiBins,
    double zBinMm, int maxSkippedLayers, double tightPtMin, double tightD0Max)
{
    /** The largest kink the slope cut allows: at the lowest momentum a seed can have, pt-min. */
    public double cotToleranceMax()
    {
        return cotTolerance(ptMin);
    }

    /** The kink the slope cut allows at momentum {@code p} (GeV). */
    public double cotTolerance(final double p)
    {
        final double scatter = scattering / p;
        return Math.sqrt(cotTolerance * cotTolerance + scatter * scatter);
    }

    /** Whether the first pass cuts tighter than the full cuts (otherwise there is one pass). */
    public boolean hasTightPass()
    {
        return tightPtMin > ptMin || tightD0Max < d0Max;
    }

    /** The cuts of the first pass: these with pt-min at least tight-pt-min and d0-max at most tight-d0-max. */
    public SeedConfig tightPass()
    {
        return new SeedConfig(Math.max(ptMin, tightPtMin), bFieldTesla, deltaRMin, deltaRMax, cotThetaMax, z0Max, Math.min(d0Max, tightD0Max),
            cotTolerance, scattering, seedsPerMiddle, maxVolume, middleMaxVolume, phiBins, zBinMm, maxSkippedLayers, tightPtMin, tightD0Max);
    }

    public static SeedConfig defaults()
    {
        return new SeedConfig(0.15, 2.0, 3, 300, 27, 250, 10, 0.02, 0, 4, 14, 14, 128, 100, 2, 0.15, 10);
    }
}
