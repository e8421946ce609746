package org.jdpl.devices.reco.seed;

import java.util.Arrays;

import org.jdpl.devices.reco.event.EventSpacepoints;

/**
 * The detection layers of one event's seeding spacepoints, each as the box in (r, z) its hits fill, and
 * for each pair of layers the layers that lie between them. A doublet whose straight line in (r, z)
 * passes through other layers skipped them: a track crosses every layer on its way out, and leaves a
 * hit in nearly every one, so a doublet that skips more than a layer or two is combinatorial (a seed
 * of the same track exists on nearer layers). ACTS and traccc get the same effect from short
 * radial windows per layer; here it holds across barrel and end-caps alike. Only the hits' own
 * extent is used, no truth; a layer's box shrinks by a margin before it counts as crossed, so a line
 * through the edge of a layer never counts. Reused between events.
 */
final class SeedLayers
{
    /** A line must pass this far inside a layer's extent to count as crossing it, mm. */
    private static final double EDGE_MM = 2;
    private static final int KEYS = 1 << 16;
    private static final int MAX_LAYERS = 64;

    private final int[] layerOfKey = new int[KEYS];
    private int layers;
    private final int[] key = new int[MAX_LAYERS];
    private final boolean[] barrel = new boolean[MAX_LAYERS];
    private final double[] rLow = new double[MAX_LAYERS];
    private final double[] rHigh = new double[MAX_LAYERS];
    private final double[] zLow = new double[MAX_LAYERS];
    private final double[] zHigh = new double[MAX_LAYERS];
    /** Per ordered pair (a * MAX_LAYERS + b): the layers whose box lies within the hull of a's and b's boxes. */
    private final int[] betweenStart = new int[MAX_LAYERS * MAX_LAYERS + 1];
    private int[] between = new int[1024];
    /** Per spacepoint of the event: its layer's index here. */
    private int[] layerOf = new int[1024];

    SeedLayers()
    {
        Arrays.fill(layerOfKey, -1);
    }

    /** Finds the layers of the spacepoints of volumes up to {@code maxVolume} and the layers between each pair. */
    void build(final EventSpacepoints sp, final int maxVolume)
    {
        for (int l = 0; l < layers; l++)
        {
            layerOfKey[key[l]] = -1;
        }
        layers = 0;
        if (layerOf.length < sp.size)
        {
            layerOf = new int[Math.max(sp.size, 2 * layerOf.length)];
        }
        for (int i = 0; i < sp.size; i++)
        {
            if (sp.volume(i) > maxVolume)
            {
                layerOf[i] = -1;
                continue;
            }
            final int k = sp.layerKey(i);
            int l = layerOfKey[k];
            if (l < 0)
            {
                if (layers == MAX_LAYERS)
                {
                    throw new IllegalStateException("more than " + MAX_LAYERS + " seeding layers");
                }
                l = layers++;
                layerOfKey[k] = l;
                key[l] = k;
                barrel[l] = sp.isBarrel(i);
                rLow[l] = Double.MAX_VALUE;
                rHigh[l] = 0;
                zLow[l] = Double.MAX_VALUE;
                zHigh[l] = -Double.MAX_VALUE;
            }
            layerOf[i] = l;
            rLow[l] = Math.min(rLow[l], sp.r[i]);
            rHigh[l] = Math.max(rHigh[l], sp.r[i]);
            zLow[l] = Math.min(zLow[l], sp.z[i]);
            zHigh[l] = Math.max(zHigh[l], sp.z[i]);
        }
        int n = 0;
        for (int a = 0; a < MAX_LAYERS; a++)
        {
            for (int b = 0; b < MAX_LAYERS; b++)
            {
                betweenStart[a * MAX_LAYERS + b] = n;
                if (a >= layers || b >= layers)
                {
                    continue;
                }
                for (int l = 0; l < layers; l++)
                {
                    if (l != a && l != b && within(l, a, b))
                    {
                        if (n == between.length)
                        {
                            between = Arrays.copyOf(between, 2 * n);
                        }
                        between[n++] = l;
                    }
                }
            }
        }
        betweenStart[MAX_LAYERS * MAX_LAYERS] = n;
    }

    /** Whether layer l's box lies inside the hull of the boxes of layers a and b, where a line from a to b may cross it. */
    private boolean within(final int l, final int a, final int b)
    {
        return rLow[l] >= Math.min(rLow[a], rLow[b]) && rHigh[l] <= Math.max(rHigh[a], rHigh[b]) &&
            zLow[l] >= Math.min(zLow[a], zLow[b]) && zHigh[l] <= Math.max(zHigh[a], zHigh[b]);
    }

    /** Layers found by the last {@link #build}. */
    int count()
    {
        return layers;
    }

    boolean barrel(final int l)
    {
        return barrel[l];
    }

    /** Smallest radius of a hit of layer l. */
    double rLow(final int l)
    {
        return rLow[l];
    }

    double rHigh(final int l)
    {
        return rHigh[l];
    }

    double zLow(final int l)
    {
        return zLow[l];
    }

    double zHigh(final int l)
    {
        return zHigh[l];
    }

    /** The layer index of spacepoint {@code i}, or -1 if it does not take part in seeding. */
    int layer(final int i)
    {
        return layerOf[i];
    }

    /**
     * How many other layers the straight line in (r, z) from spacepoint {@code a} to spacepoint {@code b} passes
     * through well inside (a barrel's radius band whole between the two, at a z inside its length; a disk's z band
     * whole between the two, at a radius inside its ring). Stops counting past {@code limit}.
     */
    int crossed(final EventSpacepoints sp, final int a, final int b, final int limit)
    {
        final int la = layerOf[a];
        final int lb = layerOf[b];
        final double ra = sp.r[a];
        final double za = sp.z[a];
        final double dr = sp.r[b] - ra;
        final double dz = sp.z[b] - za;
        final double rMin = Math.min(ra, sp.r[b]);
        final double rMax = Math.max(ra, sp.r[b]);
        final double zMin = Math.min(za, sp.z[b]);
        final double zMax = Math.max(za, sp.z[b]);
        int count = 0;
        final int pair = la * MAX_LAYERS + lb;
        for (int k = betweenStart[pair], end = betweenStart[pair + 1]; k < end && count <= limit; k++)
        {
            final int l = between[k];
            if (barrel[l])
            {
                if (rMin < rLow[l] && rHigh[l] < rMax)
                {
                    final double z = za + (0.5 * (rLow[l] + rHigh[l]) - ra) * (dz / dr);
                    if (z > zLow[l] + EDGE_MM && z < zHigh[l] - EDGE_MM)
                    {
                        count++;
                    }
                }
            }
            else if (zMin < zLow[l] && zHigh[l] < zMax)
            {
                final double r = ra + (0.5 * (zLow[l] + zHigh[l]) - za) * (dr / dz);
                if (r > rLow[l] + EDGE_MM && r < rHigh[l] - EDGE_MM)
                {
                    count++;
                }
            }
        }
        return count;
    }
}
