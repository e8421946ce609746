package org.jdpl.devices.reco.seed;

import java.util.Arrays;

import org.jdpl.devices.reco.event.EventSpacepoints;

/**
 * The seeding spacepoints of one event in phi bins, each bin ordered by radius (exactly: a binary
 * search on an order true only to the micron could skip a hit at the edge of a radial window), so
 * the hits of a doublet's radial window are found by a binary search. The GPU seeder's bins. Reused
 * between events; nothing is allocated once the bins have grown to the largest event seen.
 */
public final class PhiBins
{
    public static final int BINS = 64;

    private final int[][] bins = new int[BINS][64];
    private final double[][] binR = new double[BINS][64];
    private final int[] binSize = new int[BINS];
    private long[] keys = new long[64];

    /** Bins the spacepoints of volumes up to {@code maxVolume}. */
    public void fill(final EventSpacepoints sp, final int maxVolume)
    {
        Arrays.fill(binSize, 0);
        for (int i = 0; i < sp.size; i++)
        {
            if (sp.volume(i) <= maxVolume)
            {
                final int bin = bin(sp.phi[i]);
                if (binSize[bin] == bins[bin].length)
                {
                    bins[bin] = Arrays.copyOf(bins[bin], 2 * binSize[bin]);
                    binR[bin] = Arrays.copyOf(binR[bin], 2 * binSize[bin]);
                }
                bins[bin][binSize[bin]++] = i;
            }
        }
        for (int bin = 0; bin < BINS; bin++)
        {
            sortByRadius(sp, bin);
        }
    }

    public int size(final int bin)
    {
        return binSize[bin];
    }

    /** The event index of the {@code k}-th spacepoint of {@code bin}. */
    public int spacepoint(final int bin, final int k)
    {
        return bins[bin][k];
    }

    public double r(final int bin, final int k)
    {
        return binR[bin][k];
    }

    /** The first position of {@code bin} whose radius is not below {@code r}. */
    public int lowerBound(final int bin, final double r)
    {
        final double[] radii = binR[bin];
        int lo = 0;
        int hi = binSize[bin];
        while (lo < hi)
        {
            final int mid = (lo + hi) >>> 1;
            if (radii[mid] < r)
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

    /** The bin {@code db} bins away from {@code bin}, around the circle. */
    public static int neighbour(final int bin, final int db)
    {
        return Math.floorMod(bin + db, BINS);
    }

    public static int bin(final double phi)
    {
        return Math.min(BINS - 1, (int)((phi + Math.PI) / (2 * Math.PI) * BINS));
    }

    private void sortByRadius(final EventSpacepoints sp, final int bin)
    {
        final int n = binSize[bin];
        if (keys.length < n)
        {
            keys = new long[Math.max(n, 2 * keys.length)];
        }
        final int[] members = bins[bin];
        for (int k = 0; k < n; k++)
        {
            keys[k] = (long)(sp.r[members[k]] * 1000) << 24 | members[k];
        }
        Arrays.sort(keys, 0, n);
        final double[] radii = binR[bin];
        for (int k = 0; k < n; k++)
        {
            members[k] = (int)(keys[k] & 0xffffff);
            radii[k] = sp.r[members[k]];
        }
        SpacepointGrid.sortExactly(radii, members, 0, n);
    }
}
