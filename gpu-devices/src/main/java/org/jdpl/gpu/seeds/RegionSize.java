package org.jdpl.gpu.seeds;

import java.util.Arrays;

/**
 * How many candidates the one-pass triplet search gives each middle: 128 at first, then the smallest
 * power of two that held all but 2 % of the previous timeframe's middles. Too small a region costs a
 * second walk of the middles that overflow it; too large costs GPU memory and the copy back.
 */
final class RegionSize
{
    private static final int FIRST = 128;
    /** The largest region: a middle with more candidates is rare enough to walk twice. */
    private static final int MAX = 1024;
    private static final double OVERFLOW_SHARE = 0.02;

    private final int[] middlesByLog2 = new int[32];
    private int perMiddle = FIRST;

    int perMiddle()
    {
        return perMiddle;
    }

    void set(final int perMiddle)
    {
        this.perMiddle = perMiddle;
    }

    /** Sizes the next timeframe's regions from this one's counts. */
    void learn(final TripletCandidates counted)
    {
        final int n = counted.middles();
        Arrays.fill(middlesByLog2, 0);
        for (int m = 0; m < n; m++)
        {
            final int c = counted.count(m);
            // A count c fits a region of 2^k for k = ceil(log2 c).
            middlesByLog2[c <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(c - 1)]++;
        }
        final long allowed = (long)(OVERFLOW_SHARE * n);
        long above = n;
        for (int log2 = 0; 1 << log2 < MAX; log2++)
        {
            above -= middlesByLog2[log2];
            if (above <= allowed)
            {
                perMiddle = 1 << log2;
                return;
            }
        }
        perMiddle = MAX;
    }
}
