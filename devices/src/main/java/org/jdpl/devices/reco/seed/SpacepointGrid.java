package org.jdpl.devices.reco.seed;

import java.util.Arrays;

import org.jdpl.devices.reco.event.EventSpacepoints;

/**
 * The seeding spacepoints of one event in a grid of phi bins by z bins, as ACTS and traccc bin them:
 * a middle spacepoint looks only at the cells its partners can lie in. Each cell is ordered by radius
 * (exactly, so a radial window is one binary search). Cells are stored phi-major: the z bins of one
 * phi bin are adjacent, so a z window within a phi bin is one contiguous run of spacepoints sorted
 * cell by cell. Reused between events; nothing is allocated once it has grown to the largest event.
 */
public final class SpacepointGrid
{
    private final int phiBins;
    private final double zBinMm;
    private final double phiScale;
    private int zBins;
    private double zLow;
    private double rMin;
    private double rMax;
    private int size;
    private int[] cellStart = new int[1];
    private int[] members = new int[1024];
    private double[] memberR = new double[1024];
    private int[] cellFill = new int[1];
    private long[] keys = new long[1024];

    /**
     * @param phiBins bins around the circle
     * @param zBinMm  length of a z bin
     */
    public SpacepointGrid(final int phiBins, final double zBinMm)
    {
        if (phiBins < 1 || !(zBinMm > 0))
        {
            throw new IllegalArgumentException("grid needs at least one phi bin and a positive z bin length: phi-bins " + phiBins +
                ", z-bin " + zBinMm);
        }
        this.phiBins = phiBins;
        this.zBinMm = zBinMm;
        this.phiScale = phiBins / (2 * Math.PI);
    }

    /** Bins the spacepoints of volumes up to {@code maxVolume}. */
    public void fill(final EventSpacepoints sp, final int maxVolume)
    {
        ensure(sp.size);
        double zMin = Double.MAX_VALUE;
        double zMax = -Double.MAX_VALUE;
        rMin = Double.MAX_VALUE;
        rMax = 0;
        size = 0;
        for (int i = 0; i < sp.size; i++)
        {
            if (sp.volume(i) <= maxVolume)
            {
                members[size++] = i;
                zMin = Math.min(zMin, sp.z[i]);
                zMax = Math.max(zMax, sp.z[i]);
                rMin = Math.min(rMin, sp.r[i]);
                rMax = Math.max(rMax, sp.r[i]);
            }
        }
        zLow = size == 0 ? 0 : zMin;
        zBins = size == 0 ? 1 : (int)Math.min(1 << 16, Math.floor((zMax - zMin) / zBinMm) + 1);
        final int cells = phiBins * zBins;
        if (cellStart.length < cells + 1)
        {
            cellStart = new int[cells + 1];
            cellFill = new int[cells + 1];
        }
        Arrays.fill(cellStart, 0, cells + 1, 0);
        for (int k = 0; k < size; k++)
        {
            final int i = members[k];
            cellStart[phiBin(sp.phi[i]) * zBins + zBin(sp.z[i]) + 1]++;
        }
        for (int c = 0; c < cells; c++)
        {
            cellStart[c + 1] += cellStart[c];
        }
        // Place each spacepoint in its cell (cellFill: the next free position of each cell), then order each cell by radius.
        System.arraycopy(cellStart, 0, cellFill, 0, cells);
        for (int k = 0; k < size; k++)
        {
            final int i = members[k];
            keys[cellFill[phiBin(sp.phi[i]) * zBins + zBin(sp.z[i])]++] = (long)Math.min(0xffffff, (int)(sp.r[i] * 1000)) << 24 | i;
        }
        for (int c = 0; c < cells; c++)
        {
            Arrays.sort(keys, cellStart[c], cellStart[c + 1]);
        }
        for (int k = 0; k < size; k++)
        {
            final int i = (int)(keys[k] & 0xffffff);
            members[k] = i;
            memberR[k] = sp.r[i];
        }
        for (int c = 0; c < cells; c++)
        {
            sortExactly(memberR, members, cellStart[c], cellStart[c + 1]);
        }
    }

    /** Seeding spacepoints binned by the last {@link #fill}. */
    public int size()
    {
        return size;
    }

    /** The event index of the {@code k}-th binned spacepoint, in grid order. */
    public int spacepoint(final int k)
    {
        return members[k];
    }

    public double r(final int k)
    {
        return memberR[k];
    }

    /** Smallest radius of a binned spacepoint. */
    public double rMin()
    {
        return rMin;
    }

    /** Largest radius of a binned spacepoint. */
    public double rMax()
    {
        return rMax;
    }

    public int phiBins()
    {
        return phiBins;
    }

    public int zBins()
    {
        return zBins;
    }

    /** Position of the first spacepoint of cell (phiBin, zBin). */
    public int cellStart(final int phiBin, final int zBin)
    {
        return cellStart[phiBin * zBins + zBin];
    }

    /** Position past the last spacepoint of cell (phiBin, zBin). */
    public int cellEnd(final int phiBin, final int zBin)
    {
        return cellStart[phiBin * zBins + zBin + 1];
    }

    /** The first position in [from, to) whose radius is not below {@code r}; the range must be one cell. */
    public int lowerBound(final int from, final int to, final double r)
    {
        int lo = from;
        int hi = to;
        while (lo < hi)
        {
            final int mid = (lo + hi) >>> 1;
            if (memberR[mid] < r)
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

    /**
     * The phi bin of {@code phi} in [-pi, pi]; unwrapped, {@link #phiIndex} of an angle off that range gives the
     * same bin plus or minus a turn's bins, so windows across -pi are walked as consecutive indices.
     */
    public int phiBin(final double phi)
    {
        return Math.floorMod(phiIndex(phi), phiBins);
    }

    /** Unwrapped bin index of an angle (may be negative or past the last bin). */
    public int phiIndex(final double phi)
    {
        final int index = (int)Math.floor((phi + Math.PI) * phiScale);
        // phi = pi exactly belongs to the last bin, as -pi does to the first.
        return phi == Math.PI ? phiBins - 1 : index;
    }

    /** The z bin of {@code z}, clamped into the grid. */
    public int zBin(final double z)
    {
        return (int)Math.max(0, Math.min(zBins - 1, Math.floor((z - zLow) / zBinMm)));
    }

    /**
     * Orders positions [from, to) by exact value, keeping {@code members} beside {@code values}; they come ordered to
     * a rounded key (the micron, the microradian), so an insertion sort moves only the few out of exact order. A binary
     * search over values ordered only to the key could step past an entry at a window's edge.
     */
    public static void sortExactly(final double[] radii, final int[] members, final int from, final int to)
    {
        for (int k = from + 1; k < to; k++)
        {
            final double r = radii[k];
            final int i = members[k];
            int at = k;
            while (at > from && radii[at - 1] > r)
            {
                radii[at] = radii[at - 1];
                members[at] = members[at - 1];
                at--;
            }
            radii[at] = r;
            members[at] = i;
        }
    }

    private void ensure(final int n)
    {
        if (members.length < n)
        {
            final int c = Math.max(n, 2 * members.length);
            members = new int[c];
            memberR = new double[c];
            keys = new long[c];
        }
    }
}
