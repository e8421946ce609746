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
 * @param cotTolerance   largest difference of the two doublets' cot theta, scaled by 1 + cot^2 theta
 * @param seedsPerMiddle best triplets kept per middle spacepoint
 * @param maxVolume      only spacepoints of volumes up to this one take part (9: the pixel detector)
 * @param phiBins        phi bins of the seeding grid
 * @param zBinMm         length of a z bin of the seeding grid
 */
public record SeedConfig(double ptMin, double bFieldTesla, double deltaRMin, double deltaRMax, double cotThetaMax, double z0Max,
    double d0Max, double cotTolerance, int seedsPerMiddle, int maxVolume, int phiBins, double zBinMm)
{
    public static SeedConfig defaults()
    {
        return new SeedConfig(0.15, 2.0, 3, 300, 27, 250, 10, 0.02, 4, 14, 128, 100);
    }
}
