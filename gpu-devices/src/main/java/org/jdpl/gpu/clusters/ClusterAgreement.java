package org.jdpl.gpu.clusters;

/**
 * Whether two clusterizations of the same cells agree: every label equal, and every centroid value
 * within {@link ReferenceClusterer#CENTROID_TOLERANCE} (relative to {@code max(1, |expected|)}).
 *
 * @param labelsEqual      every cell has the same label in both
 * @param worstDifference  the largest relative centroid difference (0 when labels differ)
 */
public record ClusterAgreement(boolean labelsEqual, double worstDifference)
{
    public static ClusterAgreement of(final CellClusters expected, final CellClusters actual)
    {
        if (expected.cellCount() != actual.cellCount())
        {
            return new ClusterAgreement(false, 0);
        }
        for (int i = 0; i < expected.cellCount(); i++)
        {
            if (expected.label(i) != actual.label(i))
            {
                return new ClusterAgreement(false, 0);
            }
        }
        double worst = 0;
        for (int i = 0; i < expected.cellCount(); i++)
        {
            if (expected.label(i) == i)
            {
                worst = Math.max(worst, difference(expected.charge(i), actual.charge(i)));
                worst = Math.max(worst, difference(expected.meanCh0(i), actual.meanCh0(i)));
                worst = Math.max(worst, difference(expected.meanCh1(i), actual.meanCh1(i)));
            }
        }
        return new ClusterAgreement(true, worst);
    }

    /** Labels exactly equal and centroids within tolerance. */
    public boolean identical()
    {
        return labelsEqual && worstDifference <= ReferenceClusterer.CENTROID_TOLERANCE;
    }

    private static double difference(final float expected, final float actual)
    {
        if (Float.isNaN(expected) || Float.isNaN(actual))
        {
            return Float.isNaN(expected) && Float.isNaN(actual) ? 0 : Double.POSITIVE_INFINITY;
        }
        return Math.abs((double)expected - actual) / Math.max(1.0, Math.abs(expected));
    }
}
