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
 * Finds a timeframe's triplet candidates on one GPU: uploads the seeding spacepoints, then one pass
 * over every middle writes its candidates into a region of its own and counts them. A middle with
 * more candidates than its region holds (an overflow) is walked again, alone with the other
 * overflows, in as many passes as the candidate buffer (what the memory pool has left) needs. The
 * regions are sized from the previous timeframe's counts, so that few middles overflow, and never
 * take more than half of the pool's free memory. A middle whose candidates alone overflow the pool
 * is a {@link org.jdpl.gpu.PoolExhaustedException} naming both sizes. The program is built once; a
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
    private final GpuKernel find;
    private final GpuKernel fill;
    private final HostStaging staging;
    private final double[] cuts = new double[SeedKernels.CUTS];
    private int neighbours;
    private int[] overflowing = new int[1024];
    private int[] at = new int[1024];
    private int[] regions = new int[2048];
    private int[] overflowPairs = new int[2048];
    private final RegionSize regionSize = new RegionSize();
    private long lastKernelNs;
    private int lastPasses;
    private int lastOverflows;
    private long lastFixedBytes;

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
        this.find = program.kernel(SeedKernels.FIND);
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
        lastOverflows = 0;
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
            final GpuBuffer middles = pool.take((long)n * Integer.BYTES, "overflowing middles");
            final GpuBuffer positions = pool.take((long)n * Integer.BYTES, "triplet positions");
            lastFixedBytes = pool.usedBytes();
            staging.upload(slots.points(), n * SeedKernels.POINT_DOUBLES, point);
            staging.upload(slots.infos(), n * SeedKernels.INFO_INTS, info);
            staging.upload(slots.groupStarts(), slots.groups() + 1, groupStart);
            staging.upload(cuts, SeedKernels.CUTS, cut);

            final int per = (int)Math.min(regionSize.perMiddle(), pool.freeBytes() / 2 / ((long)n * PAIR_BYTES));
            // Without room for regions the pass only counts: limit 0 never writes, so any buffer serves as the target.
            final GpuBuffer region = per > 0 ? pool.take((long)n * per * PAIR_BYTES, "triplet candidates, a region per middle") : counts;
            find.arg(0, point).arg(1, info).arg(2, groupStart).arg(3, cut).arg(4, counts).arg(5, region).arg(6, neighbours).arg(7, n)
                .arg(8, per);
            lastKernelNs += context.launch(find, n, WORK_GROUP);
            lastPasses++;
            staging.download(counts, out.counts(), 0, n);
            out.sumCounts();
            if (per > 0 && out.total() > 0)
            {
                copyRegions(out, region, per);
            }
            final int overflows = listOverflows(out, per);
            if (overflows > 0)
            {
                fillOverflows(out, overflows, point, info, groupStart, cut, counts, middles, positions);
            }
            regionSize.learn(out);
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
        final int regions = regionSize.perMiddle();
        search(-1, oneSpacepoint, 1, new TripletCandidates());
        // One spacepoint says nothing about real timeframes' regions.
        regionSize.set(regions);
        pool.begin(-1);
        try
        {
            final GpuBuffer empty = pool.take(Integer.BYTES, "warm-up");
            fill.arg(0, empty).arg(1, empty).arg(2, empty).arg(3, empty).arg(4, empty).arg(5, empty).arg(6, empty).arg(7, empty)
                .arg(8, neighbours).arg(9, 0).arg(10, 0);
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

    /** Kernel passes the last timeframe took: one over every middle, plus one per pass over the overflowing middles. */
    public int lastPasses()
    {
        return lastPasses;
    }

    /** Middles of the last timeframe whose candidates did not fit their region, so were walked twice. */
    public int lastOverflows()
    {
        return lastOverflows;
    }

    /** Pool bytes the last timeframe took before any candidate buffer: spacepoints, cuts, counts and positions. */
    public long lastFixedBytes()
    {
        return lastFixedBytes;
    }

    @Override
    public void close()
    {
        program.close();
        staging.close();
    }

    /** Reads the regions back and moves each middle's candidates (those that fit) to its place in {@code out}. */
    private void copyRegions(final TripletCandidates out, final GpuBuffer region, final int per)
    {
        final int n = out.middles();
        final int ints = 2 * n * per;
        if (regions.length < ints)
        {
            regions = new int[Math.max(ints, 2 * regions.length)];
        }
        staging.download(region, regions, 0, ints);
        for (int m = 0; m < n; m++)
        {
            final int kept = Math.min(out.count(m), per);
            System.arraycopy(regions, 2 * per * m, out.pairs(), 2 * out.first(m), 2 * kept);
        }
    }

    /** Lists the middles with more candidates than their region held; returns how many. */
    private int listOverflows(final TripletCandidates out, final int per)
    {
        final int n = out.middles();
        if (overflowing.length < n)
        {
            overflowing = new int[Math.max(n, 2 * overflowing.length)];
            at = new int[overflowing.length];
        }
        int k = 0;
        for (int m = 0; m < n; m++)
        {
            if (out.count(m) > per)
            {
                overflowing[k++] = m;
            }
        }
        lastOverflows = k;
        return k;
    }

    /**
     * Walks the overflowing middles again with room for all their candidates, in as many passes as the
     * pool's free memory needs, and moves each middle's candidates to its place in {@code out}.
     */
    private void fillOverflows(final TripletCandidates out, final int overflows, final GpuBuffer point, final GpuBuffer info,
        final GpuBuffer groupStart, final GpuBuffer cut, final GpuBuffer counts, final GpuBuffer middles, final GpuBuffer positions)
    {
        long sum = 0;
        int largest = 0;
        for (int i = 0; i < overflows; i++)
        {
            final int c = out.count(overflowing[i]);
            sum += c;
            largest = Math.max(largest, c);
        }
        final long capacity = pool.freeBytes() / PAIR_BYTES;
        if (largest > capacity)
        {
            // Fails with the bytes the one middle needs and the pool's size: no pass could hold its candidates.
            pool.take((long)largest * PAIR_BYTES, "triplet candidates of one middle spacepoint");
        }
        final int perPass = (int)Math.min(sum, capacity);
        final GpuBuffer candidates = pool.take((long)perPass * PAIR_BYTES, "triplet candidates of overflowing middles");
        // Each pass writes from the buffer's start: a middle's position is relative to its pass's first candidate.
        int inPass = 0;
        for (int i = 0; i < overflows; i++)
        {
            final int c = out.count(overflowing[i]);
            if (inPass + c > perPass)
            {
                inPass = 0;
            }
            at[i] = inPass;
            inPass += c;
        }
        staging.upload(overflowing, overflows, middles);
        staging.upload(at, overflows, positions);
        if (overflowPairs.length < 2 * perPass)
        {
            overflowPairs = new int[Math.max(2 * perPass, 2 * overflowPairs.length)];
        }
        fill.arg(0, point).arg(1, info).arg(2, groupStart).arg(3, cut).arg(4, counts).arg(5, middles).arg(6, positions)
            .arg(7, candidates).arg(8, neighbours);
        int first = 0;
        while (first < overflows)
        {
            int last = first + 1;
            while (last < overflows && at[last] != 0)
            {
                last++;
            }
            fill.arg(9, first).arg(10, last);
            lastKernelNs += context.launch(fill, last - first, WORK_GROUP);
            lastPasses++;
            final int pairs = at[last - 1] + out.count(overflowing[last - 1]);
            staging.download(candidates, overflowPairs, 0, 2 * pairs);
            for (int i = first; i < last; i++)
            {
                final int m = overflowing[i];
                System.arraycopy(overflowPairs, 2 * at[i], out.pairs(), 2 * out.first(m), 2 * out.count(m));
            }
            first = last;
        }
    }
}
