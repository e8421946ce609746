package org.jdpl.devices.reco.seed;

import java.util.Arrays;

import org.jdpl.devices.reco.event.EventSpacepoints;

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
    private final SeedConfig config;
    private final SeedCuts cuts;
    private final PhiBins bins = new PhiBins();
    private final BestTriplets best;
    private int[] bottoms = new int[256];
    private int[] tops = new int[256];
    private double[] cotBottom = new double[256];
    private double[] cotTop = new double[256];

    public SeedFinder(final SeedConfig config)
    {
        this.config = config;
        this.cuts = new SeedCuts(config);
        this.best = new BestTriplets(config.seedsPerMiddle());
    }

    /** Appends the event's seeds to {@code out}. */
    public void findSeeds(final EventSpacepoints sp, final SeedBuffer out)
    {
        bins.fill(sp, config.maxVolume());
        cuts.prepare(sp);
        for (int bin = 0; bin < PhiBins.BINS; bin++)
        {
            for (int k = 0; k < bins.size(bin); k++)
            {
                seedsForMiddle(sp, bins.spacepoint(bin, k), bin, out);
            }
        }
    }

    private void seedsForMiddle(final EventSpacepoints sp, final int m, final int bin, final SeedBuffer out)
    {
        int nb = 0;
        int nt = 0;
        final double rm = sp.r[m];
        final int neighbours = cuts.neighbours();
        for (int db = -neighbours; db <= neighbours; db++)
        {
            final int b = PhiBins.neighbour(bin, db);
            final int n = bins.size(b);
            for (int k = bins.lowerBound(b, rm - config.deltaRMax()); k < n && bins.r(b, k) <= rm - config.deltaRMin(); k++)
            {
                final int o = bins.spacepoint(b, k);
                if (cuts.compatibleDoublet(sp, o, m))
                {
                    if (nb == bottoms.length)
                    {
                        bottoms = Arrays.copyOf(bottoms, 2 * nb);
                    }
                    bottoms[nb++] = o;
                }
            }
            for (int k = bins.lowerBound(b, rm + config.deltaRMin()); k < n && bins.r(b, k) <= rm + config.deltaRMax(); k++)
            {
                final int o = bins.spacepoint(b, k);
                if (cuts.compatibleDoublet(sp, m, o))
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
        best.clear();
        for (int ib = 0; ib < nb; ib++)
        {
            final double cot = cotBottom[ib];
            final double allowed = cuts.slopeWindow(cot);
            for (int it = 0; it < nt; it++)
            {
                if (Math.abs(cotTop[it] - cot) > allowed)
                {
                    continue;
                }
                final double q = cuts.tripletQuality(sp, bottoms[ib], m, tops[it]);
                if (q >= 0)
                {
                    best.offer(bottoms[ib], tops[it], q);
                }
            }
        }
        best.emit(m, out);
    }
}
