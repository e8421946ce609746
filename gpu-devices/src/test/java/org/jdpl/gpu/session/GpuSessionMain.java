package org.jdpl.gpu.session;

import java.util.Arrays;

import org.jdpl.gpu.BackendSelector;
import org.jdpl.gpu.GpuException;
import org.jdpl.gpu.clusters.CellTable;
import org.jdpl.gpu.clusters.GpuClusterizer;
import org.jdpl.gpu.clusters.ReferenceClusterer;

/**
 * A stand-in for a GPU device process: opens its session from the environment the driver would
 * give it, clusters a few cells, prints what it opened and whether the labels match the
 * reference, and exits 3 with the one-line message when the GPU cannot be opened.
 */
public final class GpuSessionMain
{
    static final int GPU_FAILED = 3;

    private GpuSessionMain()
    {
    }

    public static void main(final String[] args)
    {
        try (GpuSession session = GpuSession.open(GpuSettings.defaults(1 << 20), BackendSelector.fromClassPath(), System.getenv()))
        {
            System.out.println(session.describe());
            final CellTable cells = CellTable.of(new int[] {1, 1, 1, 2}, new int[] {0, 1, 5, 0}, new int[] {0, 1, 5, 0},
                new float[] {1, 2, 3, 4});
            try (GpuClusterizer clusterizer = new GpuClusterizer(session.context(), session.pool()))
            {
                final int[] labels = clusterizer.cluster(0, cells).labels();
                final boolean match = Arrays.equals(labels, ReferenceClusterer.cluster(cells).labels());
                System.out.println("labels " + Arrays.toString(labels) + (match ? " match the reference" : " DIFFER from the reference"));
            }
        }
        catch (final GpuException e)
        {
            System.err.println(e.getMessage());
            System.exit(GPU_FAILED);
        }
    }
}
