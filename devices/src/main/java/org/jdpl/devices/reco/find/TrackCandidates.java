package org.jdpl.devices.reco.find;

import java.util.Arrays;

/** Tracks as lists of spacepoint indices (within the event), with a fit quality. Reused. */
public final class TrackCandidates
{
    private int count;
    private int[] start = new int[257];
    private float[] quality = new float[256];
    private int hitCount;
    private int[] hits = new int[4096];
    private int[] order = new int[256];
    private long[] keys = new long[256];

    public void clear()
    {
        count = 0;
        hitCount = 0;
    }

    /** Adds a track of hits[0..n); returns its number. */
    public int add(final int[] trackHits, final int n, final double fitQuality)
    {
        if (count == quality.length)
        {
            quality = Arrays.copyOf(quality, 2 * count);
            start = Arrays.copyOf(start, 2 * count + 1);
        }
        if (hitCount + n > hits.length)
        {
            hits = Arrays.copyOf(hits, 2 * (hitCount + n));
        }
        System.arraycopy(trackHits, 0, hits, hitCount, n);
        start[count] = hitCount;
        quality[count] = (float)fitQuality;
        hitCount += n;
        start[count + 1] = hitCount;
        return count++;
    }

    public int size()
    {
        return count;
    }

    public int start(final int track)
    {
        return start[track];
    }

    public int end(final int track)
    {
        return start[track + 1];
    }

    public int hit(final int k)
    {
        return hits[k];
    }

    public int hitCount()
    {
        return hitCount;
    }

    public double quality(final int track)
    {
        return quality[track];
    }

    /** Track numbers, most hits first, then better (lower) quality: the first {@link #size()} of the returned array, reused. */
    int[] rankedOrder()
    {
        if (order.length < count)
        {
            order = new int[2 * count];
            keys = new long[2 * count];
        }
        for (int c = 0; c < count; c++)
        {
            final int hitsOf = end(c) - start(c);
            final int q = Math.min(0xffff, (int)(Math.max(0, quality[c]) * 100));
            keys[c] = (long)(1000 - hitsOf) << 48 | (long)q << 32 | c;
        }
        Arrays.sort(keys, 0, count);
        for (int c = 0; c < count; c++)
        {
            order[c] = (int)keys[c];
        }
        return order;
    }
}
