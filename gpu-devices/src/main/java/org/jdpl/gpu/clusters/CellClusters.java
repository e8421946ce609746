package org.jdpl.gpu.clusters;

import java.util.Arrays;

/**
 * Clusters of a {@link CellTable}: each cell's label (the smallest cell index of its cluster) and,
 * at each label, the cluster's charge and charge-weighted mean ch0, ch1.
 */
public final class CellClusters
{
    private final int[] labels;
    private final float[] centroids;
    private final int clusterCount;

    /**
     * @param labels    a label per cell
     * @param centroids three floats per cell (charge, mean ch0, mean ch1), meaningful at labels
     */
    CellClusters(final int[] labels, final float[] centroids)
    {
        this.labels = labels;
        this.centroids = centroids;
        int roots = 0;
        for (int i = 0; i < labels.length; i++)
        {
            if (labels[i] == i)
            {
                roots++;
            }
        }
        this.clusterCount = roots;
    }

    public int cellCount()
    {
        return labels.length;
    }

    public int clusterCount()
    {
        return clusterCount;
    }

    /** The smallest cell index of the cell's cluster. */
    public int label(final int cell)
    {
        return labels[cell];
    }

    public int[] labels()
    {
        return Arrays.copyOf(labels, labels.length);
    }

    /** Charge of the cluster whose label is {@code label}. */
    public float charge(final int label)
    {
        return centroids[3 * label];
    }

    public float meanCh0(final int label)
    {
        return centroids[3 * label + 1];
    }

    public float meanCh1(final int label)
    {
        return centroids[3 * label + 2];
    }
}
