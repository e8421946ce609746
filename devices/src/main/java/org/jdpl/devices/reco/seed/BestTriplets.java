package org.jdpl.devices.reco.seed;

/**
 * The best few triplets of one middle spacepoint, ordered by quality (lower is better), equal
 * qualities by bottom then top index: the result does not depend on the order of offers, so any
 * search that offers every triplet passing the cuts (the grid, a GPU, a brute-force reference)
 * keeps the same seeds.
 */
public final class BestTriplets
{
    private final int[] bestB;
    private final int[] bestT;
    private final double[] bestQ;
    private int kept;

    public BestTriplets(final int capacity)
    {
        bestB = new int[capacity];
        bestT = new int[capacity];
        bestQ = new double[capacity];
    }

    public void clear()
    {
        kept = 0;
    }

    /** Offers triplet (b, middle, t) of quality {@code q}. */
    public void offer(final int b, final int t, final double q)
    {
        int at = kept;
        if (kept == bestQ.length)
        {
            if (!ahead(q, b, t, kept - 1))
            {
                return;
            }
            at = kept - 1;
        }
        while (at > 0 && ahead(q, b, t, at - 1))
        {
            bestQ[at] = bestQ[at - 1];
            bestB[at] = bestB[at - 1];
            bestT[at] = bestT[at - 1];
            at--;
        }
        bestQ[at] = q;
        bestB[at] = b;
        bestT[at] = t;
        kept = Math.min(kept + 1, bestQ.length);
    }

    /** How many triplets are kept. */
    public int size()
    {
        return kept;
    }

    /** The quality a triplet must reach to be kept: that of the worst kept, once full; else infinity. */
    public double worstKept()
    {
        return kept == bestQ.length ? bestQ[kept - 1] : Double.POSITIVE_INFINITY;
    }

    /** Whether triplet (b, t) of quality q ranks before the kept one at {@code k}. */
    private boolean ahead(final double q, final int b, final int t, final int k)
    {
        if (q != bestQ[k])
        {
            return q < bestQ[k];
        }
        return b != bestB[k] ? b < bestB[k] : t < bestT[k];
    }

    /** Appends the kept triplets of middle {@code m}, best first. */
    public void emit(final int m, final SeedBuffer out)
    {
        for (int k = 0; k < kept; k++)
        {
            out.add(bestB[k], m, bestT[k], bestQ[k]);
        }
    }
}
