package org.jdpl.gpu.seeds;

import org.jdpl.devices.reco.seed.SeedConfig;
import org.jdpl.devices.reco.seed.SeedCuts;
import org.jdpl.gpu.GpuBuffer;
import org.jdpl.gpu.GpuContext;
import org.jdpl.gpu.GpuKernel;
import org.jdpl.gpu.GpuMemoryPool;
import org.jdpl.gpu.GpuProgram;
import org.jdpl.gpu.HostStaging;

/**
 * Finds a timeframe's triplet candidates on one GPU: uploads the seeding spacepoints, counts each
 * middle's candidates, then writes them in as many passes as the candidate buffer (what the memory
 * pool has left) needs, and reads them back. A middle whose candidates alone overflow the pool is a
 * {@link org.jdpl.gpu.PoolExhaustedException} naming both sizes. The program is built once; a
 * timeframe takes its buffers from the pool and returns them, so it allocates no GPU memory.
 */
public final class GpuTripletSearch implements AutoCloseable
{
    private static final int PAIR_BYTES = 2 * Integer.BYTES;
    /**
     * Middles per work group. Their walks differ in length, so small groups balance best; left to
     * itself PoCL chose groups that ran the count on one core, twice as slow on two.
     */
    private static final long WORK_GROUP = 32;

    private final GpuContext context;
    private final GpuMemoryPool pool;
    private final GpuProgram program;
    private final GpuKernel count;
    private final GpuKernel fill;
    private final HostStaging staging;
    private final double[] cuts = new double[SeedKernels.CUTS];
    private int neighbours;
    private int[] at = new int[1024];
    private long lastKernelNs;
    private int lastPasses;

    /**
     * @param context the GPU, owned by the caller and closed after this
     * @param pool    the GPU memory pool on {@code context}, owned by the caller
     * @param cuts    the seeder's cuts, as the CPU seeder applies them
     */
    public GpuTripletSearch(final GpuContext context, final GpuMemoryPool pool, final SeedCuts cuts)
    {
        this.context = context;
        this.pool = pool;
        this.program = context.build(SeedKernels.PROGRAM);
        this.count = program.kernel(SeedKernels.COUNT);
        this.fill = program.kernel(SeedKernels.FILL);
        this.staging = new HostStaging(context);
        final SeedConfig config = cuts.config();
        this.cuts[SeedKernels.RADIUS_MIN] = cuts.radiusMin();
        this.cuts[SeedKernels.DELTA_R_MIN] = config.deltaRMin();
        this.cuts[SeedKernels.DELTA_R_MAX] = config.deltaRMax();
        this.cuts[SeedKernels.COT_THETA_MAX] = config.cotThetaMax();
        this.cuts[SeedKernels.Z0_MAX] = config.z0Max();
        this.cuts[SeedKernels.D0_MAX] = config.d0Max();
        // The largest the slope cut allows (at pt-min): the GPU's candidates stay a superset; the host applies the cut.
        this.cuts[SeedKernels.COT_TOLERANCE] = config.cotToleranceMax();
    }

    /**
     * The candidates of one timeframe's slots into {@code out}, walking {@code phiNeighbours} phi bins on each
     * side of a middle's.
     *
     * @throws org.jdpl.gpu.PoolExhaustedException when the spacepoints, or one middle's candidates, do not fit {@code gpu.memory}
     */
    public void search(final long timeslice, final SeedSlots slots, final int phiNeighbours, final TripletCandidates out)
    {
        neighbours = phiNeighbours;
        lastKernelNs = 0;
        lastPasses = 0;
        final int n = slots.size();
        out.beginCounts(n);
        if (n == 0)
        {
            out.sumCounts();
            return;
        }
        pool.begin(timeslice);
        try
        {
            final GpuBuffer point = pool.take((long)n * SeedKernels.POINT_DOUBLES * Double.BYTES, "seed spacepoints");
            final GpuBuffer info = pool.take((long)n * SeedKernels.INFO_INTS * Integer.BYTES, "seed spacepoint layers and bins");
            final GpuBuffer groupStart = pool.take((slots.groups() + 1L) * Integer.BYTES, "seed phi bins");
            final GpuBuffer cut = pool.take((long)SeedKernels.CUTS * Double.BYTES, "seed cuts");
            final GpuBuffer counts = pool.take((long)n * Integer.BYTES, "triplet counts");
            final GpuBuffer positions = pool.take((long)n * Integer.BYTES, "triplet positions");
            staging.upload(slots.points(), n * SeedKernels.POINT_DOUBLES, point);
            staging.upload(slots.infos(), n * SeedKernels.INFO_INTS, info);
            staging.upload(slots.groupStarts(), slots.groups() + 1, groupStart);
            staging.upload(cuts, SeedKernels.CUTS, cut);

            count.arg(0, point).arg(1, info).arg(2, groupStart).arg(3, cut).arg(4, counts).arg(5, neighbours).arg(6, n);
            lastKernelNs += context.launch(count, n, WORK_GROUP);
            staging.download(counts, out.counts(), 0, n);
            out.sumCounts();
            if (out.total() > 0)
            {
                fillInPasses(out, point, info, groupStart, cut, counts, positions);
            }
        }
        finally
        {
            pool.reset();
        }
    }

    /**
     * Compiles both kernels by running them once on a one-spacepoint timeframe: some OpenCL drivers
     * (PoCL) compile at a kernel's first launch, which belongs in init, not in the first timeframe.
     */
    public void warmUp(final SeedSlots oneSpacepoint)
    {
        search(-1, oneSpacepoint, 1, new TripletCandidates());
        pool.begin(-1);
        try
        {
            final GpuBuffer empty = pool.take(Integer.BYTES, "warm-up");
            fill.arg(0, empty).arg(1, empty).arg(2, empty).arg(3, empty).arg(4, empty).arg(5, empty).arg(6, empty)
                .arg(7, neighbours).arg(8, 0).arg(9, 0);
            lastKernelNs += context.launch(fill, 1, 0);
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

    /** Passes of the fill kernel the last timeframe needed: more than one when its candidates overflowed the pool. */
    public int lastPasses()
    {
        return lastPasses;
    }

    @Override
    public void close()
    {
        program.close();
        staging.close();
    }

    private void fillInPasses(final TripletCandidates out, final GpuBuffer point, final GpuBuffer info, final GpuBuffer groupStart,
        final GpuBuffer cut, final GpuBuffer counts, final GpuBuffer positions)
    {
        final int n = out.middles();
        int largest = 0;
        for (int m = 0; m < n; m++)
        {
            largest = Math.max(largest, out.count(m));
        }
        final long capacity = pool.freeBytes() / PAIR_BYTES;
        if (largest > capacity)
        {
            // Fails with the bytes the one middle needs and the pool's size: no pass could hold its candidates.
            pool.take((long)largest * PAIR_BYTES, "triplet candidates of one middle spacepoint");
        }
        final int perPass = (int)Math.min(out.total(), capacity);
        final GpuBuffer candidates = pool.take((long)perPass * PAIR_BYTES, "triplet candidates");
        if (at.length < n)
        {
            at = new int[Math.max(n, 2 * at.length)];
        }
        // Each pass writes from the buffer's start: a middle's position is relative to its pass's first candidate.
        int passStart = 0;
        for (int m = 0; m < n; m++)
        {
            if (out.first(m) + out.count(m) - passStart > perPass)
            {
                passStart = out.first(m);
            }
            at[m] = out.first(m) - passStart;
        }
        staging.upload(at, n, positions);
        fill.arg(0, point).arg(1, info).arg(2, groupStart).arg(3, cut).arg(4, counts).arg(5, positions).arg(6, candidates)
            .arg(7, neighbours);
        int first = 0;
        while (first < n)
        {
            passStart = out.first(first);
            int last = first + 1;
            while (last < n && out.first(last) + out.count(last) - passStart <= perPass)
            {
                last++;
            }
            fill.arg(8, first).arg(9, last);
            lastKernelNs += context.launch(fill, last - first, WORK_GROUP);
            lastPasses++;
            final int pairs = out.first(last - 1) + out.count(last - 1) - passStart;
            if (pairs > 0)
            {
                staging.download(candidates, out.pairs(), 2 * passStart, 2 * pairs);
            }
            first = last;
        }
    }
}
