package org.jdpl.devices.reco.seed;

import java.util.Arrays;

import org.jdpl.devices.reco.event.EventSpacepoints;
import org.jdpl.devices.reco.fit.Helix;

/**
 * Finds triplet seeds in one event. Spacepoints of the seeding volumes are binned in phi; for each
 * middle spacepoint, bottoms (smaller r) and tops (larger r) come from its own and the neighbouring
 * phi bins and must pass the doublet cuts (radial distance, |cot theta|, z at the beam line, phi
 * opening allowed by the lowest pT). Each bottom-top pair then passes the triplet cuts: radius of
 * the circle through the three (pT), transverse impact parameter, and agreement of the two doublets'
 * slopes. The best few triplets of each middle are kept, ordered by quality (lower is better).
 */
public final class SeedFinder
{
    private static final int PHI_BINS = 64;

    private final SeedConfig config;
    private final double radiusMin;
    private final int[][] bins = new int[PHI_BINS][64];
    private final double[][] binR = new double[PHI_BINS][64];
    /** Phi bins searched on each side: enough for the largest phi opening of a doublet at pt-min. */
    private final int neighbours;
    private final int[] binSize = new int[PHI_BINS];
    private int[] bottoms = new int[256];
    private int[] tops = new int[256];
    private double[] cotBottom = new double[256];
    private double[] cotTop = new double[256];
    private final int[] bestB;
    private final int[] bestT;
    private final double[] bestQ;

    public SeedFinder(final SeedConfig config)
    {
        this.config = config;
        this.radiusMin = config.ptMin() / (Helix.PT_PER_TESLA_MM * config.bFieldTesla());
        final double largestOpening = Math.asin(Math.min(1, config.deltaRMax() / (2 * radiusMin))) + 0.02;
        this.neighbours = Math.min(PHI_BINS / 2, (int)Math.ceil(largestOpening / (2 * Math.PI / PHI_BINS)));
        bestB = new int[config.seedsPerMiddle()];
        bestT = new int[config.seedsPerMiddle()];
        bestQ = new double[config.seedsPerMiddle()];
    }

    /** Appends the event's seeds to {@code out}. */
    public void findSeeds(final EventSpacepoints sp, final SeedBuffer out)
    {
        Arrays.fill(binSize, 0);
        for (int i = 0; i < sp.size; i++)
        {
            if (sp.volume(i) <= config.maxVolume())
            {
                final int bin = phiBin(sp.phi[i]);
                if (binSize[bin] == bins[bin].length)
                {
                    bins[bin] = Arrays.copyOf(bins[bin], 2 * binSize[bin]);
                    binR[bin] = Arrays.copyOf(binR[bin], 2 * binSize[bin]);
                }
                bins[bin][binSize[bin]++] = i;
            }
        }
        for (int bin = 0; bin < PHI_BINS; bin++)
        {
            sortByRadius(sp, bin);
        }
        for (int bin = 0; bin < PHI_BINS; bin++)
        {
            for (int k = 0; k < binSize[bin]; k++)
            {
                seedsForMiddle(sp, bins[bin][k], bin, out);
            }
        }
    }

    private void sortByRadius(final EventSpacepoints sp, final int bin)
    {
        final int n = binSize[bin];
        final long[] keys = new long[n];
        for (int k = 0; k < n; k++)
        {
            keys[k] = (long)(sp.r[bins[bin][k]] * 1000) << 24 | bins[bin][k];
        }
        Arrays.sort(keys);
        for (int k = 0; k < n; k++)
        {
            bins[bin][k] = (int)(keys[k] & 0xffffff);
            binR[bin][k] = sp.r[bins[bin][k]];
        }
    }

    private void seedsForMiddle(final EventSpacepoints sp, final int m, final int bin, final SeedBuffer out)
    {
        int nb = 0;
        int nt = 0;
        final double rm = sp.r[m];
        for (int db = -neighbours; db <= neighbours; db++)
        {
            final int b = Math.floorMod(bin + db, PHI_BINS);
            final int n = binSize[b];
            for (int k = lowerBound(b, rm - config.deltaRMax()); k < n && binR[b][k] <= rm - config.deltaRMin(); k++)
            {
                final int o = bins[b][k];
                if (compatibleDoublet(sp, o, m))
                {
                    if (nb == bottoms.length)
                    {
                        bottoms = Arrays.copyOf(bottoms, 2 * nb);
                    }
                    bottoms[nb++] = o;
                }
            }
            for (int k = lowerBound(b, rm + config.deltaRMin()); k < n && binR[b][k] <= rm + config.deltaRMax(); k++)
            {
                final int o = bins[b][k];
                if (compatibleDoublet(sp, m, o))
                {
                    if (nt == tops.length)
                    {
                        tops = Arrays.copyOf(tops, 2 * nt);
                    }
                    tops[nt++] = o;
                }
            }
        }
        if (cotBottom.length < nb)
        {
            cotBottom = new double[2 * nb];
        }
        if (cotTop.length < nt)
        {
            cotTop = new double[2 * nt];
        }
        for (int ib = 0; ib < nb; ib++)
        {
            cotBottom[ib] = (sp.z[m] - sp.z[bottoms[ib]]) / (rm - sp.r[bottoms[ib]]);
        }
        for (int it = 0; it < nt; it++)
        {
            cotTop[it] = (sp.z[tops[it]] - sp.z[m]) / (sp.r[tops[it]] - rm);
        }
        int kept = 0;
        for (int ib = 0; ib < nb; ib++)
        {
            final double cot = cotBottom[ib];
            // Cheap straight-line slope check first; the arc-length one below is exact (arcs exceed chords by < 10 %).
            final double allowed = config.cotTolerance() * (1 + cot * cot) + 0.1 * Math.abs(cot) + 0.01;
            for (int it = 0; it < nt; it++)
            {
                if (Math.abs(cotTop[it] - cot) > allowed)
                {
                    continue;
                }
                final double q = tripletQuality(sp, bottoms[ib], m, tops[it]);
                if (q >= 0)
                {
                    kept = keepBest(bottoms[ib], tops[it], q, kept);
                }
            }
        }
        for (int k = 0; k < kept; k++)
        {
            out.add(bestB[k], m, bestT[k], bestQ[k]);
        }
    }

    private int lowerBound(final int bin, final double r)
    {
        int lo = 0;
        int hi = binSize[bin];
        while (lo < hi)
        {
            final int mid = (lo + hi) >>> 1;
            if (binR[bin][mid] < r)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }

    private int keepBest(final int b, final int t, final double q, final int kept)
    {
        int at = kept;
        if (kept == bestQ.length)
        {
            if (q >= bestQ[kept - 1])
            {
                return kept;
            }
            at = kept - 1;
        }
        while (at > 0 && bestQ[at - 1] > q)
        {
            bestQ[at] = bestQ[at - 1];
            bestB[at] = bestB[at - 1];
            bestT[at] = bestT[at - 1];
            at--;
        }
        bestQ[at] = q;
        bestB[at] = b;
        bestT[at] = t;
        return Math.min(kept + 1, bestQ.length);
    }

    /** Doublet cuts for inner hit {@code a}, outer hit {@code b}. */
    private boolean compatibleDoublet(final EventSpacepoints sp, final int a, final int b)
    {
        final double dr = sp.r[b] - sp.r[a];
        if (sp.layerKey(a) == sp.layerKey(b))
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
        final double dphi = Math.abs(Helix.wrap(sp.phi[b] - sp.phi[a]));
        final double allowed = Math.asin(Math.min(1, sp.r[b] / (2 * radiusMin))) - Math.asin(Math.min(1, sp.r[a] / (2 * radiusMin)));
        return dphi <= allowed + config.d0Max() / sp.r[a] + 0.005;
    }

    /** Quality of the triplet (lower is better), or -1 when it fails a cut. */
    private double tripletQuality(final EventSpacepoints sp, final int b, final int m, final int t)
    {
        if (sp.layerKey(b) == sp.layerKey(t))
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
        final double radius = Math.hypot(sp.x[b] - cx, sp.y[b] - cy);
        if (radius < radiusMin)
        {
            return -1;
        }
        final double d0 = Math.abs(Math.hypot(cx, cy) - radius);
        if (d0 > config.d0Max())
        {
            return -1;
        }
        final double sBm = arc(Math.sqrt(a2), radius);
        final double sMt = arc(Math.hypot(sp.x[t] - sp.x[m], sp.y[t] - sp.y[m]), radius);
        final double cotBm = (sp.z[m] - sp.z[b]) / sBm;
        final double cotMt = (sp.z[t] - sp.z[m]) / sMt;
        final double scale = 1 + cotBm * cotBm;
        final double dcot = Math.abs(cotBm - cotMt) / scale;
        if (dcot > config.cotTolerance())
        {
            return -1;
        }
        return d0 / config.d0Max() + dcot / config.cotTolerance();
    }

    private static double arc(final double chord, final double radius)
    {
        return 2 * radius * Math.asin(Math.min(1, chord / (2 * radius)));
    }

    private static int phiBin(final double phi)
    {
        return Math.min(PHI_BINS - 1, (int)((phi + Math.PI) / (2 * Math.PI) * PHI_BINS));
    }
}
