package org.jdpl.gpu.seeds;

import java.util.Arrays;

import org.jdpl.devices.reco.event.EventSpacepoints;
import org.jdpl.devices.reco.seed.PhiBins;
import org.jdpl.devices.reco.seed.SeedCuts;

/**
 * A timeframe's seeding spacepoints as the triplet kernels read them: one slot per spacepoint,
 * grouped by (event, phi bin) in {@link PhiBins}' order, with x, y, z, r, phi and the phi reach at
 * pt-min (doubles, as the CPU seeder computes them) and the layer key and group per slot. Each slot remembers its spacepoint's
 * index in its event. Arrays grow to the largest timeframe seen and are reused.
 */
public final class SeedSlots
{
    private double[] point = new double[SeedKernels.POINT_DOUBLES * 1024];
    private int[] info = new int[SeedKernels.INFO_INTS * 1024];
    private int[] spacepoint = new int[1024];
    private int[] groupStart = new int[SeedKernels.PHI_BINS + 1];
    private int size;
    private int groups;

    public void clear()
    {
        size = 0;
        groups = 0;
        groupStart[0] = 0;
    }

    /** Adds an event's binned spacepoints as the next {@link PhiBins#BINS} groups. */
    public void addEvent(final EventSpacepoints sp, final PhiBins bins, final SeedCuts cuts)
    {
        if (groupStart.length < groups + PhiBins.BINS + 1)
        {
            groupStart = Arrays.copyOf(groupStart, 2 * (groups + PhiBins.BINS + 1));
        }
        for (int bin = 0; bin < PhiBins.BINS; bin++)
        {
            final int n = bins.size(bin);
            ensure(size + n);
            for (int k = 0; k < n; k++)
            {
                final int i = bins.spacepoint(bin, k);
                final int p = SeedKernels.POINT_DOUBLES * size;
                point[p + SeedKernels.X] = sp.x[i];
                point[p + SeedKernels.Y] = sp.y[i];
                point[p + SeedKernels.Z] = sp.z[i];
                point[p + SeedKernels.R] = sp.r[i];
                point[p + SeedKernels.PHI] = sp.phi[i];
                point[p + SeedKernels.REACH] = cuts.reach(sp.r[i]);
                info[SeedKernels.INFO_INTS * size] = sp.layerKey(i);
                info[SeedKernels.INFO_INTS * size + 1] = groups;
                spacepoint[size++] = i;
            }
            groupStart[++groups] = size;
        }
    }

    /** Slots so far. */
    public int size()
    {
        return size;
    }

    /** Groups so far: {@link PhiBins#BINS} per event. */
    public int groups()
    {
        return groups;
    }

    /** The first slot of group {@code g}; {@code groupStart(groups())} is {@link #size()}. */
    public int groupStart(final int g)
    {
        return groupStart[g];
    }

    /** The index in its event of the spacepoint in {@code slot}. */
    public int spacepoint(final int slot)
    {
        return spacepoint[slot];
    }

    double[] points()
    {
        return point;
    }

    int[] infos()
    {
        return info;
    }

    int[] groupStarts()
    {
        return groupStart;
    }

    private void ensure(final int slots)
    {
        if (spacepoint.length < slots)
        {
            final int n = Math.max(slots, 2 * spacepoint.length);
            point = Arrays.copyOf(point, SeedKernels.POINT_DOUBLES * n);
            info = Arrays.copyOf(info, SeedKernels.INFO_INTS * n);
            spacepoint = Arrays.copyOf(spacepoint, n);
        }
    }
}
