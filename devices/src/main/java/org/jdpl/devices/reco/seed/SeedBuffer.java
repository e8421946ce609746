package org.jdpl.devices.reco.seed;

import java.util.Arrays;

/** Growable seed columns for one event (spacepoint indices within the event). Reused. */
public final class SeedBuffer
{
    public int size;
    public int[] bottom = new int[1024];
    public int[] middle = new int[1024];
    public int[] top = new int[1024];
    public float[] quality = new float[1024];

    public void clear()
    {
        size = 0;
    }

    public void add(final int b, final int m, final int t, final double q)
    {
        if (size == bottom.length)
        {
            final int n = 2 * size;
            bottom = Arrays.copyOf(bottom, n);
            middle = Arrays.copyOf(middle, n);
            top = Arrays.copyOf(top, n);
            quality = Arrays.copyOf(quality, n);
        }
        bottom[size] = b;
        middle[size] = m;
        top[size] = t;
        quality[size] = (float)q;
        size++;
    }
}
