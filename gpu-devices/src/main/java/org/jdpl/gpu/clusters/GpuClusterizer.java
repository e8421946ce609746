package org.jdpl.gpu.clusters;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import org.jdpl.gpu.GpuBuffer;
import org.jdpl.gpu.GpuContext;
import org.jdpl.gpu.GpuException;
import org.jdpl.gpu.GpuKernel;
import org.jdpl.gpu.GpuMemoryPool;
import org.jdpl.gpu.GpuProgram;
import org.jdpl.gpu.HostStaging;

/**
 * Clusterizes timeframes on one GPU: uploads the cells, labels connected components by rounds of
 * propagation until no label changes, computes centroids, and reads labels and centroids back.
 * The program is built once; a timeframe takes its buffers from the caller's memory pool and
 * returns them, so it allocates no GPU memory.
 */
public final class GpuClusterizer implements AutoCloseable
{
    private static final int FLOATS_PER_CENTROID = 3;
    /** Buffers per timeframe, each of which may lose up to one alignment unit. */
    private static final int BUFFERS = 7;

    private final GpuContext context;
    private final GpuProgram program;
    private final GpuKernel initLabels;
    private final GpuKernel propagate;
    private final GpuKernel centroids;
    private final GpuMemoryPool pool;
    private final MemorySegment flag;
    private final Arena flagArena = Arena.ofShared();
    private final HostStaging staging;
    private long lastKernelNs;
    private int lastRounds;

    /**
     * @param context the GPU, owned by the caller and closed after this
     * @param pool    the GPU memory pool on {@code context}, owned by the caller; see {@link #poolBytesFor(int, long)}
     */
    public GpuClusterizer(final GpuContext context, final GpuMemoryPool pool)
    {
        this.context = context;
        this.program = context.build(ClusterKernels.PROGRAM);
        this.initLabels = program.kernel(ClusterKernels.INIT_LABELS);
        this.propagate = program.kernel(ClusterKernels.PROPAGATE);
        this.centroids = program.kernel(ClusterKernels.CENTROIDS);
        this.pool = pool;
        this.flag = flagArena.allocate(JAVA_INT);
        this.staging = new HostStaging(context);
    }

    /** GPU memory a timeframe of {@code cells} cells needs, alignment included. */
    public static long poolBytesFor(final int cells, final long alignmentBytes)
    {
        final long n = Math.max(cells, 1);
        return 5 * n * Integer.BYTES + Integer.BYTES + FLOATS_PER_CENTROID * n * Float.BYTES + BUFFERS * alignmentBytes;
    }

    /**
     * Clusters one timeframe's cells.
     *
     * @throws org.jdpl.gpu.PoolExhaustedException when the cells do not fit {@code gpu.memory}
     */
    public CellClusters cluster(final long timeslice, final CellTable cells)
    {
        final int n = cells.size();
        lastKernelNs = 0;
        lastRounds = 0;
        if (n == 0)
        {
            return new CellClusters(new int[0], new float[0]);
        }
        final long intBytes = (long)n * Integer.BYTES;
        final long centroidBytes = (long)n * FLOATS_PER_CENTROID * Float.BYTES;
        pool.begin(timeslice);
        try
        {
            final GpuBuffer module = pool.take(intBytes, "cell modules");
            final GpuBuffer ch0 = pool.take(intBytes, "cell ch0");
            final GpuBuffer ch1 = pool.take(intBytes, "cell ch1");
            final GpuBuffer value = pool.take(intBytes, "cell values");
            final GpuBuffer label = pool.take(intBytes, "cell labels");
            final GpuBuffer changed = pool.take(Integer.BYTES, "change flag");
            final GpuBuffer centroid = pool.take(centroidBytes, "cluster centroids");
            // Sized once for the largest copy, the centroids read back.
            staging.ensure(centroidBytes);
            staging.upload(cells.modules(), n, module);
            staging.upload(cells.ch0s(), n, ch0);
            staging.upload(cells.ch1s(), n, ch1);
            staging.upload(cells.values(), n, value);

            initLabels.arg(0, label).arg(1, n);
            lastKernelNs += context.launch(initLabels, n, 0);
            propagate.arg(0, module).arg(1, ch0).arg(2, ch1).arg(3, label).arg(4, changed).arg(5, n);
            labelComponents(changed, n, timeslice);
            centroids.arg(0, module).arg(1, ch0).arg(2, ch1).arg(3, value).arg(4, label).arg(5, centroid).arg(6, n);
            lastKernelNs += context.launch(centroids, n, 0);

            final int[] labels = new int[n];
            staging.download(label, labels, 0, n);
            final float[] sums = new float[n * FLOATS_PER_CENTROID];
            staging.download(centroid, sums, 0, sums.length);
            return new CellClusters(labels, sums);
        }
        finally
        {
            pool.reset();
        }
    }

    /** GPU memory {@link #label} needs for {@code cells} cells, alignment included. */
    public static long labelPoolBytesFor(final int cells, final long alignmentBytes)
    {
        return 4L * Math.max(cells, 1) * Integer.BYTES + Integer.BYTES + 5 * alignmentBytes;
    }

    /**
     * Labels the connected components of one timeframe's cells, without centroids: for callers
     * that sum clusters themselves in an order of their own. The columns hold {@code n} cells
     * sorted by (group, ch0, ch1), where a group is one module of one event; {@code labels}
     * receives each cell's label (the smallest sorted index of its cluster). Nothing is allocated.
     *
     * @throws org.jdpl.gpu.PoolExhaustedException when the cells do not fit {@code gpu.memory}
     */
    public void label(final long timeslice, final int[] group, final int[] ch0, final int[] ch1, final int n, final int[] labels)
    {
        lastKernelNs = 0;
        lastRounds = 0;
        if (n == 0)
        {
            return;
        }
        final long intBytes = (long)n * Integer.BYTES;
        pool.begin(timeslice);
        try
        {
            final GpuBuffer groupBuffer = pool.take(intBytes, "cell modules");
            final GpuBuffer ch0Buffer = pool.take(intBytes, "cell ch0");
            final GpuBuffer ch1Buffer = pool.take(intBytes, "cell ch1");
            final GpuBuffer label = pool.take(intBytes, "cell labels");
            final GpuBuffer changed = pool.take(Integer.BYTES, "change flag");
            staging.upload(group, n, groupBuffer);
            staging.upload(ch0, n, ch0Buffer);
            staging.upload(ch1, n, ch1Buffer);
            initLabels.arg(0, label).arg(1, n);
            lastKernelNs += context.launch(initLabels, n, 0);
            propagate.arg(0, groupBuffer).arg(1, ch0Buffer).arg(2, ch1Buffer).arg(3, label).arg(4, changed).arg(5, n);
            labelComponents(changed, n, timeslice);
            staging.download(label, labels, 0, n);
        }
        finally
        {
            pool.reset();
        }
    }

    /** Kernel time of the last timeframe, in ns, as the GPU's events measured it. */
    public long lastKernelNs()
    {
        return lastKernelNs;
    }

    /** Propagation rounds the last timeframe needed. */
    public int lastRounds()
    {
        return lastRounds;
    }

    public GpuMemoryPool pool()
    {
        return pool;
    }

    @Override
    public void close()
    {
        program.close();
        flagArena.close();
        staging.close();
    }

    private void labelComponents(final GpuBuffer changed, final int n, final long timeslice)
    {
        // A cluster's smallest label moves at least one cell further each round, so n + 1 rounds bound any correct run.
        for (int round = 1; round <= n + 1; round++)
        {
            flag.set(JAVA_INT, 0, 0);
            context.copyToDevice(flag, changed, 0);
            lastKernelNs += context.launch(propagate, n, 0);
            context.copyFromDevice(changed, 0, flag);
            lastRounds = round;
            if (flag.get(JAVA_INT, 0) == 0)
            {
                return;
            }
        }
        throw new GpuException("cluster labelling of timeframe " + timeslice + " did not converge in " + (n + 1) +
            " rounds on " + context.deviceName() + "; the kernel or the GPU is faulty");
    }
}
