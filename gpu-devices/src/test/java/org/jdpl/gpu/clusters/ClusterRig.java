package org.jdpl.gpu.clusters;

import org.jdpl.gpu.GpuContext;
import org.jdpl.gpu.GpuMemoryPool;

/** A clusterizer with a pool sized for a number of cells, closed together (the context is the caller's). */
record ClusterRig(GpuMemoryPool pool, GpuClusterizer clusterizer) implements AutoCloseable
{
    static ClusterRig open(final GpuContext context, final int maxCells)
    {
        final GpuMemoryPool pool = new GpuMemoryPool(context, GpuClusterizer.poolBytesFor(maxCells, context.alignmentBytes()));
        return new ClusterRig(pool, new GpuClusterizer(context, pool));
    }

    CellClusters cluster(final long timeslice, final CellTable cells)
    {
        return clusterizer.cluster(timeslice, cells);
    }

    @Override
    public void close()
    {
        clusterizer.close();
        pool.close();
    }
}
