package org.jdpl.gpu.seeds;

/**
 * The triplet candidates of a timeframe as the GPU found them: per middle slot, a run of (bottom,
 * top) slot pairs in the CPU seeder's order. Arrays grow to the largest timeframe seen and are reused.
 */
public final class TripletCandidates
{
    private int[] count = new int[1024];
    private int[] first = new int[1024];
    private int[] pairs = new int[2048];
    private int middles;
    private int total;

    /** How many candidates middle slot {@code m} has. */
    public int count(final int m)
    {
        return count[m];
    }

    /** The index of middle {@code m}'s first candidate. */
    public int first(final int m)
    {
        return first[m];
    }

    public int bottom(final int candidate)
    {
        return pairs[2 * candidate];
    }

    public int top(final int candidate)
    {
        return pairs[2 * candidate + 1];
    }

    /** Candidates of the whole timeframe. */
    public int total()
    {
        return total;
    }

    public int middles()
    {
        return middles;
    }

    /** Makes room for {@code n} middles; their counts are then written into {@link #counts()}. */
    void beginCounts(final int n)
    {
        if (count.length < n)
        {
            final int size = Math.max(n, 2 * count.length);
            count = new int[size];
            first = new int[size];
        }
        middles = n;
        total = 0;
    }

    /**
     * Sums the counts into each middle's first index.
     *
     * @throws IllegalStateException when the timeframe has more candidates than an int counts
     */
    void sumCounts()
    {
        long sum = 0;
        for (int m = 0; m < middles; m++)
        {
            first[m] = (int)sum;
            sum += count[m];
        }
        if (sum > Integer.MAX_VALUE / 2)
        {
            throw new IllegalStateException(sum + " triplet candidates in one timeframe, more than the GPU seeder indexes (" +
                Integer.MAX_VALUE / 2 + "); send smaller timeframes or tighten the seeder's cuts");
        }
        total = (int)sum;
        if (pairs.length < 2 * total)
        {
            pairs = new int[Math.max(2 * total, 2 * pairs.length)];
        }
    }

    int[] counts()
    {
        return count;
    }

    int[] pairs()
    {
        return pairs;
    }
}
