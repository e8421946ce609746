package org.jdpl.gpu.clusters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks two clusterizations agree: labels exactly, centroid values within a relative tolerance. */
final class ClusterComparison
{
    private ClusterComparison()
    {
    }

    /** @return the largest relative centroid difference seen */
    static double assertAgree(final CellClusters expected, final CellClusters actual, final double tolerance, final String what)
    {
        assertEquals(expected.cellCount(), actual.cellCount(), what + ": cell count");
        for (int i = 0; i < expected.cellCount(); i++)
        {
            if (expected.label(i) != actual.label(i))
            {
                assertEquals(expected.label(i), actual.label(i), what + ": label of cell " + i);
            }
        }
        assertEquals(expected.clusterCount(), actual.clusterCount(), what + ": cluster count");
        double worst = 0;
        for (int i = 0; i < expected.cellCount(); i++)
        {
            if (expected.label(i) == i)
            {
                worst = Math.max(worst, check(expected.charge(i), actual.charge(i), tolerance, what + ": charge of cluster " + i));
                worst = Math.max(worst, check(expected.meanCh0(i), actual.meanCh0(i), tolerance, what + ": mean ch0 of cluster " + i));
                worst = Math.max(worst, check(expected.meanCh1(i), actual.meanCh1(i), tolerance, what + ": mean ch1 of cluster " + i));
            }
        }
        return worst;
    }

    private static double check(final float expected, final float actual, final double tolerance, final String what)
    {
        final double relative = Math.abs((double)expected - actual) / Math.max(1.0, Math.abs(expected));
        assertTrue(relative <= tolerance, what + ": expected " + expected + ", got " + actual + " (relative difference " + relative +
            " > " + tolerance + ")");
        return relative;
    }
}
