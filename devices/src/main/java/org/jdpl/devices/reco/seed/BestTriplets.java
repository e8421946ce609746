package org.jdpl.devices.reco.seed;

/**
 * The best few triplets of one middle spacepoint, ordered by quality (lower is better); of equal
 * qualities the one offered first stays ahead, so the result depends on the order of offers.
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
            if (q >= bestQ[kept - 1])
            {
                return;
            }
            at = kept - 1;
        }
        while (at > 0 && bestQ[at - 1] > q)
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

    /** Appends the kept triplets of middle {@code m}, best first. */
    public void emit(final int m, final SeedBuffer out)
    {
        for (int k = 0; k < kept; k++)
        {
            out.add(bestB[k], m, bestT[k], bestQ[k]);
        }
    }
}
