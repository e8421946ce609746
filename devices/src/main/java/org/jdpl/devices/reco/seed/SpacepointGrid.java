package org.jdpl.devices.reco.seed;

import java.util.Arrays;

import org.jdpl.devices.reco.event.EventSpacepoints;

/**
 * The seeding spacepoints of one event binned per detection layer in phi and along the layer (z in a
 * barrel, r in a disk), as ACTS and traccc bin them per layer: a middle spacepoint looks, layer by
 * layer, only at the cells its partners can lie in. Each cell is ordered by its position along the
 * layer (exactly, so a window along the layer is one binary search). Cells of one layer are stored
 * phi-major: the along bins of one phi bin are adjacent. Reused between events; nothing is allocated
 * once it has grown to the largest event.
 */
public final class SpacepointGrid
{
    /** Along bins of one layer at most: a disk or a barrel is a few metres long. */
    private static final int MAX_ALONG_BINS = 1 << 12;

    private final int phiBins;
    private final double binMm;
    private final double phiScale;
    private SeedLayers layers;
    private double rMin;
    private double rMax;
    private int size;
    /** Per layer: the index of its first cell, the number of its along bins and where they start. */
    private final int[] layerCells = new int[65];
    private final int[] alongBins = new int[64];
    private final double[] alongLow = new double[64];
    private int[] cellStart = new int[1];
    private int[] cellFill = new int[1];
    private int[] members = new int[1024];
    private double[] memberAlong = new double[1024];
    private long[] keys = new long[1024];

    /**
     * @param phiBins bins around the circle
     * @param binMm   length of a bin along a layer
     */
    public SpacepointGrid(final int phiBins, final double binMm)
    {
        if (phiBins < 1 || !(binMm > 0))
        {
            throw new IllegalArgumentException("grid needs at least one phi bin and a positive z bin length: phi-bins " + phiBins +
                ", z-bin " + binMm);
        }
        this.phiBins = phiBins;
        this.binMm = binMm;
        this.phiScale = phiBins / (2 * Math.PI);
    }

    /** Bins the spacepoints {@code seedLayers} (built on this event) places in a layer. */
    void fill(final EventSpacepoints sp, final SeedLayers seedLayers)
    {
        this.layers = seedLayers;
        ensure(sp.size);
        rMin = Double.MAX_VALUE;
        rMax = 0;
        final int count = seedLayers.count();
        int cells = 0;
        for (int l = 0; l < count; l++)
        {
            layerCells[l] = cells;
            final boolean barrel = seedLayers.barrel(l);
            alongLow[l] = barrel ? seedLayers.zLow(l) : seedLayers.rLow(l);
            final double span = barrel ? seedLayers.zHigh(l) - alongLow[l] : seedLayers.rHigh(l) - alongLow[l];
            alongBins[l] = (int)Math.min(MAX_ALONG_BINS, Math.floor(span / binMm) + 1);
            cells += phiBins * alongBins[l];
            rMin = Math.min(rMin, seedLayers.rLow(l));
            rMax = Math.max(rMax, seedLayers.rHigh(l));
        }
        layerCells[count] = cells;
        if (cellStart.length < cells + 1)
        {
            cellStart = new int[cells + 1];
            cellFill = new int[cells + 1];
        }
        Arrays.fill(cellStart, 0, cells + 1, 0);
        size = 0;
        for (int i = 0; i < sp.size; i++)
        {
            if (seedLayers.layer(i) >= 0)
            {
                members[size++] = i;
                cellStart[cellOf(sp, i) + 1]++;
            }
        }
        for (int c = 0; c < cells; c++)
        {
            cellStart[c + 1] += cellStart[c];
        }
        // Place each spacepoint in its cell (cellFill: the next free position of each cell), then order each cell along the layer.
        System.arraycopy(cellStart, 0, cellFill, 0, cells);
        for (int k = 0; k < size; k++)
        {
            final int i = members[k];
            final int l = seedLayers.layer(i);
            final long micron = (long)Math.max(0, Math.min(0xffffffL, (long)((along(sp, i) - alongLow[l]) * 1000)));
            keys[cellFill[cellOf(sp, i)]++] = micron << 24 | i;
        }
        for (int c = 0; c < cells; c++)
        {
            Arrays.sort(keys, cellStart[c], cellStart[c + 1]);
        }
        for (int k = 0; k < size; k++)
        {
            final int i = (int)(keys[k] & 0xffffff);
            members[k] = i;
            memberAlong[k] = along(sp, i);
        }
        for (int c = 0; c < cells; c++)
        {
            sortExactly(memberAlong, members, cellStart[c], cellStart[c + 1]);
        }
    }

    private double along(final EventSpacepoints sp, final int i)
    {
        return layers.barrel(layers.layer(i)) ? sp.z[i] : sp.r[i];
    }

    private int cellOf(final EventSpacepoints sp, final int i)
    {
        final int l = layers.layer(i);
        return layerCells[l] + phiBin(sp.phi[i]) * alongBins[l] + alongBin(l, along(sp, i));
    }

    /** The event index of the {@code k}-th binned spacepoint, in grid order. */
    public int spacepoint(final int k)
    {
        return members[k];
    }

    /** The position along its layer (z in a barrel, r in a disk) of the {@code k}-th binned spacepoint. */
    public double along(final int k)
    {
        return memberAlong[k];
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

    /** Position of the first spacepoint of cell (layer, phiBin, alongBin). */
    public int cellStart(final int l, final int phiBin, final int alongBin)
    {
        return cellStart[layerCells[l] + phiBin * alongBins[l] + alongBin];
    }

    /** Position past the last spacepoint of cell (layer, phiBin, alongBin). */
    public int cellEnd(final int l, final int phiBin, final int alongBin)
    {
        return cellStart[layerCells[l] + phiBin * alongBins[l] + alongBin + 1];
    }

    /** The first position in [from, to) whose position along the layer is not below {@code along}; the range must be one cell. */
    public int lowerBound(final int from, final int to, final double along)
    {
        int lo = from;
        int hi = to;
        while (lo < hi)
        {
            final int mid = (lo + hi) >>> 1;
            if (memberAlong[mid] < along)
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

    /** The along bin of layer {@code l} at position {@code along}, clamped into the layer. */
    public int alongBin(final int l, final double along)
    {
        return (int)Math.max(0, Math.min(alongBins[l] - 1, Math.floor((along - alongLow[l]) / binMm)));
    }

    /**
     * Orders positions [from, to) by exact value, keeping {@code members} beside {@code values}; they come ordered to
     * a rounded key (the micron, the microradian), so an insertion sort moves only the few out of exact order. A binary
     * search over values ordered only to the key could step past an entry at a window's edge.
     */
    public static void sortExactly(final double[] values, final int[] members, final int from, final int to)
    {
        for (int k = from + 1; k < to; k++)
        {
            final double v = values[k];
            final int i = members[k];
            int at = k;
            while (at > from && values[at - 1] > v)
            {
                values[at] = values[at - 1];
                members[at] = members[at - 1];
                at--;
            }
            values[at] = v;
            members[at] = i;
        }
    }

    private void ensure(final int n)
    {
        if (members.length < n)
        {
            final int c = Math.max(n, 2 * members.length);
            members = new int[c];
            memberAlong = new double[c];
            keys = new long[c];
        }
    }
}
