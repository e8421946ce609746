package org.jdpl.devices.reco.geometry;

import java.util.ArrayList;
import java.util.List;

/**
 * A parametric model of the TrackML detector, with numbers read once from the public detector
 * description (detectors.csv of the challenge): three barrels of cylindrical layers made of flat
 * modules tangent to the cylinder, and end-caps of disks made of rings of modules. Trapezoidal
 * end-cap modules are modelled as rectangles of the larger half width.
 */
public final class TrackmlDetectorModel
{
    /** volume, layer, radius, modules in phi, modules in z, |z| of the outermost module centres. */
    private static final double[][] BARREL_LAYERS = {
        {8, 2, 32, 16, 14, 455}, {8, 4, 72, 32, 14, 455}, {8, 6, 116, 52, 14, 455}, {8, 8, 172, 78, 14, 455},
        {13, 2, 260, 40, 21, 1030}, {13, 4, 360, 56, 21, 1030}, {13, 6, 500, 78, 21, 1030}, {13, 8, 660, 102, 21, 1030},
        {17, 2, 820, 120, 21, 1030}, {17, 4, 1020, 152, 21, 1030},
    };
    /** Per barrel volume (8, 13, 17): half u, half v, pitch u, pitch v, thickness. */
    private static final double[][] BARREL_MODULES = {
        {8.4, 36, 0.05, 0.05625, 0.15}, {24, 54, 0.08, 1.2, 0.25}, {24, 54, 0.12, 10.8, 0.35},
    };
    /** End-cap families: negative volume, positive volume, |z| of the disks (inner to outer). */
    private static final double[][] DISK_Z = {
        {7, 9, 600, 700, 820, 960, 1100, 1300, 1500},
        {12, 14, 1220, 1500, 1800, 2150, 2550, 2950},
        {16, 18, 1220, 1500, 1800, 2150, 2550, 2950},
    };
    /** Per family: rings of (radius, modules, half u, half v). */
    private static final double[][][] DISK_RINGS = {
        {{66, 40, 8.4, 36}, {140, 68, 8.4, 36}},
        {{318, 54, 24.2, 78}, {470, 56, 32.2, 78}, {622, 60, 40, 78}},
        {{828, 48, 72, 78}, {942, 50, 72, 78}},
    };
    /** Per family: pitch u, pitch v, thickness. */
    private static final double[][] DISK_MODULES = {
        {0.05, 0.05625, 0.15}, {0.08, 1.2, 0.25}, {0.12, 10.4, 0.35},
    };

    private final DetectorGeometry geometry;
    private final List<Surface> surfaces;

    /** One detection layer: a cylinder (barrel) or a disk (end-cap), with how to find its modules. */
    public record Surface(int volume, int layer, boolean barrel, double position, double extentMin, double extentMax,
        int firstModuleIndex, int modulesPhi, int modulesZ, double[][] rings)
    {
    }

    private TrackmlDetectorModel()
    {
        geometry = new DetectorGeometry(20_000);
        surfaces = new ArrayList<>();
        build();
    }

    private static final TrackmlDetectorModel INSTANCE = new TrackmlDetectorModel();

    public static TrackmlDetectorModel instance()
    {
        return INSTANCE;
    }

    public DetectorGeometry geometry()
    {
        return geometry;
    }

    /** The layers, barrel cylinders first by radius... in the order the modules were built (volume, layer). */
    public List<Surface> surfaces()
    {
        return surfaces;
    }

    /** The module of {@code surface} holding the global point, or -1 when it falls in a gap. */
    public int findModule(final Surface surface, final double x, final double y, final double z)
    {
        final double phi = Math.atan2(y, x);
        if (surface.barrel())
        {
            final int nPhi = surface.modulesPhi();
            final int nZ = surface.modulesZ();
            final int iPhi = Math.floorMod((int)Math.floor((phi + Math.PI) / (2 * Math.PI) * nPhi), nPhi);
            final double step = 2 * surface.extentMax() / (nZ - 1);
            final int iZ = (int)Math.round((z + surface.extentMax()) / step);
            if (iZ < 0 || iZ >= nZ)
            {
                return -1;
            }
            return surface.firstModuleIndex() + iZ * nPhi + iPhi;
        }
        final double r = Math.hypot(x, y);
        int first = surface.firstModuleIndex();
        int best = -1;
        double bestDistance = Double.MAX_VALUE;
        for (final double[] ring : surface.rings())
        {
            final int n = (int)ring[1];
            final double distance = Math.abs(r - ring[0]);
            if (distance <= ring[3] && distance < bestDistance)
            {
                bestDistance = distance;
                best = first + Math.floorMod((int)Math.floor((phi + Math.PI) / (2 * Math.PI) * n), n);
            }
            first += n;
        }
        return best;
    }

    private void build()
    {
        // Module ids must grow: volumes 7 8 9 12 13 14 16 17 18.
        buildDisks(0, false);
        buildBarrel(8);
        buildDisks(0, true);
        buildDisks(1, false);
        buildBarrel(13);
        buildDisks(1, true);
        buildDisks(2, false);
        buildBarrel(17);
        buildDisks(2, true);
    }

    private void buildBarrel(final int volume)
    {
        final double[] module = BARREL_MODULES[volume == 8 ? 0 : volume == 13 ? 1 : 2];
        for (final double[] layer : BARREL_LAYERS)
        {
            if ((int)layer[0] != volume)
            {
                continue;
            }
            final int nPhi = (int)layer[3];
            final int nZ = (int)layer[4];
            final double zMax = layer[5];
            final int first = geometry.size();
            int id = 1;
            for (int iZ = 0; iZ < nZ; iZ++)
            {
                final double z = -zMax + iZ * 2 * zMax / (nZ - 1);
                for (int iPhi = 0; iPhi < nPhi; iPhi++)
                {
                    final double phi = -Math.PI + (iPhi + 0.5) * 2 * Math.PI / nPhi;
                    final double c = Math.cos(phi);
                    final double s = Math.sin(phi);
                    final double[] centre = {layer[2] * c, layer[2] * s, z};
                    final double[] rotation = {-s, 0, c, c, 0, s, 0, 1, 0};
                    geometry.add(ModuleId.of(volume, (int)layer[1], id++), centre, rotation, module[0], module[1], module[2], module[3], module[4]);
                }
            }
            surfaces.add(new Surface(volume, (int)layer[1], true, layer[2], -zMax - module[1], zMax + module[1], first, nPhi, nZ, null));
        }
    }

    private void buildDisks(final int family, final boolean positive)
    {
        final double[] zs = DISK_Z[family];
        final int volume = (int)zs[positive ? 1 : 0];
        final int disks = zs.length - 2;
        final double[] module = DISK_MODULES[family];
        final double[][] rings = DISK_RINGS[family];
        for (int k = 0; k < disks; k++)
        {
            final double z = positive ? zs[2 + k] : -zs[2 + disks - 1 - k];
            final int layer = 2 + 2 * k;
            final int first = geometry.size();
            int id = 1;
            for (final double[] ring : rings)
            {
                final int n = (int)ring[1];
                for (int iPhi = 0; iPhi < n; iPhi++)
                {
                    final double phi = -Math.PI + (iPhi + 0.5) * 2 * Math.PI / n;
                    final double c = Math.cos(phi);
                    final double s = Math.sin(phi);
                    final double[] centre = {ring[0] * c, ring[0] * s, z};
                    final double[] rotation = {-s, c, 0, c, s, 0, 0, 0, -1};
                    geometry.add(ModuleId.of(volume, layer, id++), centre, rotation, ring[2], ring[3], module[0], module[1], module[2]);
                }
            }
            final double rMin = rings[0][0] - rings[0][3];
            final double rMax = rings[rings.length - 1][0] + rings[rings.length - 1][3];
            surfaces.add(new Surface(volume, layer, false, z, rMin, rMax, first, 0, 0, rings));
        }
    }
}
