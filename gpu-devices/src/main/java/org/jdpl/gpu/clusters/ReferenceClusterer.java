package org.jdpl.gpu.clusters;

/**
 * The CPU reference clusterization, written independently of the kernels: union-find over pairs
 * of touching cells, then sums in double precision. GPU results are checked against it (labels
 * exactly, centroids within {@link #CENTROID_TOLERANCE}).
 */
public final class ReferenceClusterer
{
    /**
     * Allowed difference of a GPU centroid value (charge, mean ch0, mean ch1) from the reference,
     * relative to {@code max(1, |reference|)}: float sums of a cluster's cells in ascending order
     * against the same sums in double.
     */
    public static final double CENTROID_TOLERANCE = 1e-5;

    private ReferenceClusterer()
    {
    }

    public static CellClusters cluster(final CellTable cells)
    {
        final int n = cells.size();
        final int[] parent = new int[n];
        for (int i = 0; i < n; i++)
        {
            parent[i] = i;
            for (int j = i - 1; j >= 0 && cells.module(j) == cells.module(i) && cells.ch0(j) >= cells.ch0(i) - 1; j--)
            {
                if (cells.touch(i, j))
                {
                    union(parent, i, j);
                }
            }
        }
        final int[] labels = new int[n];
        final double[] sums = new double[3 * n];
        for (int i = 0; i < n; i++)
        {
            final int label = find(parent, i);
            labels[i] = label;
            final double v = cells.value(i);
            sums[3 * label] += v;
            sums[3 * label + 1] += v * cells.ch0(i);
            sums[3 * label + 2] += v * cells.ch1(i);
        }
        final float[] centroids = new float[3 * n];
        for (int i = 0; i < n; i++)
        {
            if (labels[i] == i)
            {
                final double q = sums[3 * i];
                centroids[3 * i] = (float)q;
                centroids[3 * i + 1] = (float)(q > 0 ? sums[3 * i + 1] / q : cells.ch0(i));
                centroids[3 * i + 2] = (float)(q > 0 ? sums[3 * i + 2] / q : cells.ch1(i));
            }
        }
        return new CellClusters(labels, centroids);
    }

    /** Joins two sets, keeping the smaller index as root so each root is its cluster's smallest cell. */
    private static void union(final int[] parent, final int a, final int b)
    {
        final int rootA = find(parent, a);
        final int rootB = find(parent, b);
        if (rootA < rootB)
        {
            parent[rootB] = rootA;
        }
        else if (rootB < rootA)
        {
            parent[rootA] = rootB;
        }
    }

    private static int find(final int[] parent, final int cell)
    {
        int root = cell;
        while (parent[root] != root)
        {
            root = parent[root];
        }
        int at = cell;
        while (parent[at] != root)
        {
            final int next = parent[at];
            parent[at] = root;
            at = next;
        }
        return root;
    }
}
