package org.jdpl.devices.reco.find;

import java.util.Arrays;

import org.jdpl.devices.reco.event.EventSpacepoints;
import org.jdpl.devices.reco.seed.SpacepointGrid;

/**
 * The event's spacepoints by detection layer (volume and layer), each layer's hits sorted by exact phi,
 * with the layer's mean radius (barrel) or mean z (disk), and the ranges of its hits' radii and z, taken
 * from its hits. Reused between events.
 */
final class LayerIndex
{
    private static final int KEYS = 1 << 16;

    private final int[] layerOfKey = new int[KEYS];
    int layers;
    int[] key = new int[64];
    boolean[] barrel = new boolean[64];
    int[] volume = new int[64];
    double[] radiusMin = new double[64];
    double[] radiusMax = new double[64];
    double[] zMin = new double[64];
    double[] zMax = new double[64];
    double[] position = new double[64];
    double[] extentMin = new double[64];
    double[] extentMax = new double[64];
    int[] start = new int[65];
    int[] hits = new int[1024];
    double[] phi = new double[1024];
    private final int[] count = new int[64];
    private long[] order = new long[1024];

    LayerIndex()
    {
        Arrays.fill(layerOfKey, -1);
    }

    void build(final EventSpacepoints sp)
    {
        for (int l = 0; l < layers; l++)
        {
            layerOfKey[key[l]] = -1;
        }
        layers = 0;
        Arrays.fill(count, 0);
        for (int i = 0; i < sp.size; i++)
        {
            final int k = sp.layerKey(i);
            if (layerOfKey[k] < 0)
            {
                if (layers == key.length)
                {
                    throw new IllegalStateException("more than " + key.length + " detection layers");
                }
                layerOfKey[k] = layers;
                key[layers] = k;
                barrel[layers] = sp.isBarrel(i);
                volume[layers] = sp.volume(i);
                radiusMin[layers] = Double.MAX_VALUE;
                radiusMax[layers] = 0;
                zMin[layers] = Double.MAX_VALUE;
                zMax[layers] = -Double.MAX_VALUE;
                position[layers] = 0;
                extentMin[layers] = Double.MAX_VALUE;
                extentMax[layers] = -Double.MAX_VALUE;
                layers++;
            }
            final int l = layerOfKey[k];
            count[l]++;
            position[l] += barrel[l] ? sp.r[i] : sp.z[i];
            final double extent = barrel[l] ? sp.z[i] : sp.r[i];
            extentMin[l] = Math.min(extentMin[l], extent);
            extentMax[l] = Math.max(extentMax[l], extent);
            radiusMin[l] = Math.min(radiusMin[l], sp.r[i]);
            radiusMax[l] = Math.max(radiusMax[l], sp.r[i]);
            zMin[l] = Math.min(zMin[l], sp.z[i]);
            zMax[l] = Math.max(zMax[l], sp.z[i]);
        }
        start[0] = 0;
        for (int l = 0; l < layers; l++)
        {
            position[l] /= count[l];
            start[l + 1] = start[l] + count[l];
        }
        if (hits.length < sp.size)
        {
            hits = new int[2 * sp.size];
            phi = new double[2 * sp.size];
        }
        if (order.length < sp.size)
        {
            order = new long[2 * sp.size];
        }
        for (int i = 0; i < sp.size; i++)
        {
            // Sort by layer, then phi (mapped to an order-preserving integer), keeping the index.
            final long phiKey = (long)((sp.phi[i] + Math.PI) * 1e6);
            order[i] = (long)layerOfKey[sp.layerKey(i)] << 56 | phiKey << 24 | i;
        }
        Arrays.sort(order, 0, sp.size);
        for (int k = 0; k < sp.size; k++)
        {
            final int i = (int)(order[k] & 0xffffff);
            hits[k] = i;
            phi[k] = sp.phi[i];
        }
        for (int l = 0; l < layers; l++)
        {
            SpacepointGrid.sortExactly(phi, hits, start[l], start[l + 1]);
        }
    }

    /** First position in layer {@code l}'s hits with phi >= {@code value}. */
    int lowerBound(final int l, final double value)
    {
        int lo = start[l];
        int hi = start[l + 1];
        while (lo < hi)
        {
            final int mid = (lo + hi) >>> 1;
            if (phi[mid] < value)
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
}
