package org.jdpl.devices.reco.seed;

import java.util.Arrays;

import org.jdpl.devices.reco.event.EventSpacepoints;
import org.jdpl.devices.reco.fit.Helix;

/**
 * The seeder's cuts, evaluated exactly as {@link SeedFinder} evaluates them: doublet cuts (radial
 * distance aside, which the phi bins' radial windows apply), the straight-line slope window of a
 * triplet, and the triplet cuts with the triplet's quality. Shared by every seeder that must select
 * the same seeds bit for bit, the GPU one re-checking its candidates here. {@link #prepare} must
 * see each event before its doublets are cut.
 */
public final class SeedCuts
{
    /** asin(1/2): the turn of a track of radius R from the beam line to radius R. */
    private static final double SIXTH_PI = Math.PI / 6;

    private final SeedConfig config;
    private final double radiusMin;
    /** Per spacepoint of the prepared event: the largest phi opening a track at pt-min reaches by its radius. */
    private double[] reach = new double[1024];
    /** Per spacepoint of the prepared event: its detection layer (volume and layer). */
    private int[] layer = new int[1024];
    private final SeedLayers layers = new SeedLayers();

    public SeedCuts(final SeedConfig config)
    {
        this.config = config;
        this.radiusMin = config.ptMin() / (Helix.PT_PER_TESLA_MM * config.bFieldTesla());
    }

    public SeedConfig config()
    {
        return config;
    }

    /** The seeding layers of the prepared event. */
    SeedLayers layers()
    {
        return layers;
    }

    /** Radius of the circle of a track at pt-min. */
    public double radiusMin()
    {
        return radiusMin;
    }

    /**
     * Largest |phi| between a middle at radius {@code rm} and a bottom that passes the doublet cut, where no
     * bottom lies below radius {@code rInner}: the cut's bound taken at the innermost possible bottom.
     */
    public double bottomPhiWindow(final double rm, final double rInner)
    {
        return turn(rInner, rm) + config.d0Max() * (1 / rInner - 1 / rm) + 0.005;
    }

    /** Largest |phi| between a middle at radius {@code rm} and a top that passes the doublet cut, no top lying beyond {@code rOuter}. */
    public double topPhiWindow(final double rm, final double rOuter)
    {
        return turn(rm, rOuter) + config.d0Max() * (1 / rm - 1 / rOuter) + 0.005;
    }

    /**
     * The largest phi distance of a doublet partner that {@link SeedFinder} looks for in this event: a search
     * that walks phi bins of at least this half-width around each middle finds every doublet it finds.
     */
    public double largestPhiWindow(final EventSpacepoints sp)
    {
        double rMin = Double.MAX_VALUE;
        double rMax = 0;
        for (int i = 0; i < sp.size; i++)
        {
            if (sp.volume(i) <= config.maxVolume())
            {
                rMin = Math.min(rMin, sp.r[i]);
                rMax = Math.max(rMax, sp.r[i]);
            }
        }
        double largest = 0;
        for (int i = 0; i < sp.size; i++)
        {
            if (sp.volume(i) <= config.maxVolume())
            {
                final double rm = sp.r[i];
                final double bottomFrom = Math.max(rm - config.deltaRMax(), rMin);
                final double topTo = Math.min(rm + config.deltaRMax(), rMax);
                if (bottomFrom <= rm - config.deltaRMin() && rm + config.deltaRMin() <= topTo)
                {
                    largest = Math.max(largest, Math.max(bottomPhiWindow(rm, bottomFrom), topPhiWindow(rm, topTo)));
                }
            }
        }
        return largest;
    }

    /** Computes the event's per-spacepoint terms once, rather than in every doublet they take part in. */
    public void prepare(final EventSpacepoints sp)
    {
        if (reach.length < sp.size)
        {
            reach = Arrays.copyOf(reach, Math.max(sp.size, 2 * reach.length));
            layer = Arrays.copyOf(layer, reach.length);
        }
        for (int i = 0; i < sp.size; i++)
        {
            reach[i] = reach(sp.r[i]);
            layer[i] = sp.layerKey(i);
        }
        layers.build(sp, config.maxVolume());
    }

    /**
     * The largest phi a seeded track turns by between radii {@code ra < rb} (from the beam line): a track above pt-min
     * whose radius is at least rb, so that it reaches its outer hit going outwards rather than curling back at it (a track
     * whose circle barely reaches rb would allow nearly a quarter turn there, and every strip doublet). So the turn at
     * pt-min while rb is within its radius, beyond it the turn of the track of radius rb. Grows with rb, falls with ra
     * (a window at the extreme radius bounds a range), and falls as pt-min rises (tighter cuts pass a subset).
     */
    public double turn(final double ra, final double rb)
    {
        return rb <= radiusMin ? reach(rb) - reach(ra) : SIXTH_PI - Math.asin(ra / (2 * rb));
    }

    /** The phi a track at pt-min turns by from the beam line to radius {@code r}: half the angle of the chord. */
    public double reach(final double r)
    {
        return Math.asin(Math.min(1, r / (2 * radiusMin)));
    }

    /** Doublet cuts for inner hit {@code a}, outer hit {@code b} of the prepared event. */
    public boolean compatibleDoublet(final EventSpacepoints sp, final int a, final int b)
    {
        final double dr = sp.r[b] - sp.r[a];
        if (layer[a] == layer[b])
        {
            return false;
        }
        final double cot = (sp.z[b] - sp.z[a]) / dr;
        if (Math.abs(cot) > config.cotThetaMax())
        {
            return false;
        }
        final double z0 = sp.z[a] - sp.r[a] * cot;
        if (Math.abs(z0) > config.z0Max())
        {
            return false;
        }
        // |wrap(phi b - phi a)| for phis in [-pi, pi], without wrap's loops: the same bits.
        final double apart = Math.abs(sp.phi[b] - sp.phi[a]);
        final double dphi = apart > Math.PI ? 2 * Math.PI - apart : apart;
        final double allowed = sp.r[b] <= radiusMin ? reach[b] - reach[a] : SIXTH_PI - Math.asin(sp.r[a] / (2 * sp.r[b]));
        // An impact parameter d0 moves a track's phi at radius r by about d0 / r: between the two hits, by d0 (1/ra - 1/rb).
        return dphi <= allowed + config.d0Max() * (1 / sp.r[a] - 1 / sp.r[b]) + 0.005 &&
            layers.crossed(sp, a, b, config.maxSkippedLayers()) <= config.maxSkippedLayers();
    }

    /**
     * Largest straight-line slope difference of the top doublet from a bottom doublet of slope
     * {@code cot}: a cheap check before the exact arc-length one (arcs exceed chords by < 10 %).
     */
    public double slopeWindow(final double cot)
    {
        return config.cotToleranceMax() * (1 + cot * cot) + 0.1 * Math.abs(cot) + 0.01;
    }

    /** Quality of the triplet (lower is better), or -1 when it fails a cut. */
    public double tripletQuality(final EventSpacepoints sp, final int b, final int m, final int t)
    {
        if (layer[b] == layer[t])
        {
            return -1;
        }
        final double ax = sp.x[m] - sp.x[b];
        final double ay = sp.y[m] - sp.y[b];
        final double bx = sp.x[t] - sp.x[b];
        final double by = sp.y[t] - sp.y[b];
        final double cross = ax * by - ay * bx;
        if (Math.abs(cross) < 1e-9)
        {
            return -1;
        }
        final double a2 = ax * ax + ay * ay;
        final double b2 = bx * bx + by * by;
        final double cx = sp.x[b] + (by * a2 - ay * b2) / (2 * cross);
        final double cy = sp.y[b] + (ax * b2 - bx * a2) / (2 * cross);
        final double radius = Helix.length(sp.x[b] - cx, sp.y[b] - cy);
        if (radius < radiusMin)
        {
            return -1;
        }
        final double d0 = Math.abs(Helix.length(cx, cy) - radius);
        if (d0 > config.d0Max())
        {
            return -1;
        }
        final double sBm = arc(Math.sqrt(a2), radius);
        final double sMt = arc(Helix.length(sp.x[t] - sp.x[m], sp.y[t] - sp.y[m]), radius);
        final double cotBm = (sp.z[m] - sp.z[b]) / sBm;
        final double cotMt = (sp.z[t] - sp.z[m]) / sMt;
        final double scale = 1 + cotBm * cotBm;
        final double dcot = Math.abs(cotBm - cotMt) / scale;
        // Scattering bends soft tracks more: the allowed kink follows the momentum the curvature gives.
        final double tolerance = config.cotTolerance(Helix.PT_PER_TESLA_MM * config.bFieldTesla() * radius * Math.sqrt(scale));
        if (dcot > tolerance)
        {
            return -1;
        }
        return d0 / config.d0Max() + dcot / tolerance;
    }

    /**
     * Every cut {@link SeedFinder} applies to triplet (b, m, t) whose hits lie in each other's radial
     * windows: both doublets, the slope window, the triplet cuts. The quality, or -1 when a cut fails.
     */
    public double candidateQuality(final EventSpacepoints sp, final int b, final int m, final int t)
    {
        if (!compatibleDoublet(sp, b, m) || !compatibleDoublet(sp, m, t))
        {
            return -1;
        }
        final double rm = sp.r[m];
        final double cotBottom = (sp.z[m] - sp.z[b]) / (rm - sp.r[b]);
        final double cotTop = (sp.z[t] - sp.z[m]) / (sp.r[t] - rm);
        if (Math.abs(cotTop - cotBottom) > slopeWindow(cotBottom))
        {
            return -1;
        }
        return tripletQuality(sp, b, m, t);
    }

    private static double arc(final double chord, final double radius)
    {
        return 2 * radius * Math.asin(Math.min(1, chord / (2 * radius)));
    }
}
