package org.jdpl.gpu.reco;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jdpl.devices.reco.chain.ReconstructionSteps;
import org.jdpl.devices.reco.event.Spacepoints;
import org.jdpl.devices.reco.event.Table;
import org.jdpl.devices.reco.event.SourceTimeframeWriter.Kind;
import org.jdpl.devices.reco.find.FinderConfig;
import org.jdpl.devices.reco.seed.SeedConfig;
import org.jdpl.devices.reco.seed.SeedCuts;
import org.jdpl.gpu.GpuContext;
import org.jdpl.gpu.GpuMemoryPool;
import org.jdpl.gpu.OpenClAvailable;
import org.jdpl.gpu.PoolExhaustedException;
import org.jdpl.gpu.cpu.CpuBackend;
import org.jdpl.gpu.seeds.GpuTripletSearch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The GPU seeder's seed table is byte for byte the CPU seeder's, on simulated timeframes and on the
 * shared TrackML sample, on OpenCL (PoCL) and on the CPU reference backend; also when the triplet
 * candidates overflow the memory pool and take several passes. A pool too small is a clear error.
 */
// A guard against a hang, not a speed test: the dense tests run the CPU seeder and PoCL on two shared cores.
@Timeout(300)
class TimeframeSeederTest
{
    private static final long POOL_BYTES = 64L << 20;

    @Test
    void shouldEqualTheCpuSeederOnSimulatedTimeframesOnOpenCl()
    {
        try (GpuContext context = OpenClAvailable.openFirstDevice())
        {
            assertEqualSeeds(context, spacepoints(RecoInputs.simulated()), POOL_BYTES);
        }
    }

    @Test
    void shouldEqualTheCpuSeederOnSimulatedTimeframesOnTheCpuBackend()
    {
        try (GpuContext context = new CpuBackend().open(0))
        {
            assertEqualSeeds(context, spacepoints(RecoInputs.simulated()), POOL_BYTES);
        }
    }

    @Test
    void shouldEqualTheCpuSeederOnADenseEventOnOpenCl()
    {
        // 2,000 particles, about 22,000 hits: the grid's phi windows and the GPU's walk must still agree.
        final List<MemorySegment> dense = spacepoints(RecoInputs.dense(2000));
        try (GpuContext context = OpenClAvailable.openFirstDevice())
        {
            assertEqualSeeds(context, dense, 256L << 20);
        }
    }

    @Test
    void shouldEqualTheCpuSeederWithATightFirstPassOnOpenCl()
    {
        // The first pass the dense topologies use: its seeds come from the same GPU candidates, re-checked with its cuts.
        final List<MemorySegment> dense = spacepoints(RecoInputs.dense(1000));
        final SeedConfig d = SeedConfig.defaults();
        final SeedConfig tight = new SeedConfig(d.ptMin(), d.bFieldTesla(), d.deltaRMin(), d.deltaRMax(), d.cotThetaMax(), d.z0Max(), d.d0Max(),
            d.cotTolerance(), d.scattering(), d.seedsPerMiddle(), d.maxVolume(), d.middleMaxVolume(), d.phiBins(), d.zBinMm(),
            d.maxSkippedLayers(), 0.35, 2);
        try (GpuContext context = OpenClAvailable.openFirstDevice())
        {
            assertEqualSeeds(context, dense, 256L << 20, tight);
        }
    }

    @Test
    void shouldEqualTheCpuSeederOnTheTrackMlSampleOnOpenCl()
    {
        final List<MemorySegment> sample = spacepoints(RecoInputs.sample());
        try (GpuContext context = OpenClAvailable.openFirstDevice())
        {
            assertEqualSeeds(context, sample, POOL_BYTES);
        }
    }

    @Test
    void shouldEqualTheCpuSeederOnTheTrackMlSampleOnTheCpuBackend()
    {
        final List<MemorySegment> sample = spacepoints(RecoInputs.sample());
        try (GpuContext context = new CpuBackend().open(0))
        {
            assertEqualSeeds(context, sample, POOL_BYTES);
        }
    }

    @Test
    void shouldEqualTheCpuSeederWhenCandidatesTakeSeveralPasses()
    {
        final List<MemorySegment> timeframes = spacepoints(RecoInputs.simulated());
        try (GpuContext context = new CpuBackend().open(0))
        {
            final long[] sizes = poolBytesWithAndWithoutCandidates(context, timeframes.getFirst());
            // Room for about a third of the candidates: three passes or more.
            final long tight = sizes[1] + (sizes[0] - sizes[1]) / 3;
            final int passes = assertEqualSeeds(context, timeframes.subList(0, 1), tight);
            assertTrue(passes >= 3, "passes: " + passes);
        }
    }

    @Test
    void shouldFailClearlyWhenTheSpacepointsDoNotFitThePool()
    {
        final List<MemorySegment> timeframes = spacepoints(RecoInputs.simulated());
        try (GpuContext context = new CpuBackend().open(0);
             GpuMemoryPool pool = new GpuMemoryPool(context, 64 << 10);
             GpuTripletSearch search = new GpuTripletSearch(context, pool, new SeedCuts(SeedConfig.defaults())))
        {
            final TimeframeSeeder seeder = new TimeframeSeeder(search, new SeedCuts(SeedConfig.defaults()));
            final PoolExhaustedException e = assertThrows(PoolExhaustedException.class,
                () -> seeder.seed(7, timeframes.getFirst(), size -> MemorySegment.NULL));
            assertTrue(e.getMessage().contains("timeframe 7 needs at least") && e.getMessage().contains("holds 65536 bytes"), e.getMessage());
            assertTrue(e.neededBytes() > e.poolBytes(), e.getMessage());
            assertEquals(0, pool.usedBytes(), "the pool is reset after a failed timeframe");
        }
    }

    @Test
    void shouldFailClearlyWhenOneMiddlesCandidatesDoNotFitThePool()
    {
        final List<MemorySegment> timeframes = spacepoints(RecoInputs.simulated());
        try (GpuContext context = new CpuBackend().open(0))
        {
            final long[] sizes = poolBytesWithAndWithoutCandidates(context, timeframes.getFirst());
            try (GpuMemoryPool pool = new GpuMemoryPool(context, sizes[1]);
                 GpuTripletSearch search = new GpuTripletSearch(context, pool, new SeedCuts(SeedConfig.defaults())))
            {
                final TimeframeSeeder seeder = new TimeframeSeeder(search, new SeedCuts(SeedConfig.defaults()));
                final PoolExhaustedException e = assertThrows(PoolExhaustedException.class,
                    () -> seeder.seed(3, timeframes.getFirst(), size -> MemorySegment.NULL));
                assertTrue(e.getMessage().contains("triplet candidates of one middle spacepoint"), e.getMessage());
            }
        }
    }

    /** Each timeframe's spacepoint table, from the CPU clusterizer. */
    private static List<MemorySegment> spacepoints(final RecoInputs inputs)
    {
        final ReconstructionSteps cpu = ReconstructionSteps.withDefaults();
        final Arena arena = Arena.ofAuto();
        final List<MemorySegment> tables = new ArrayList<>();
        for (int tf = 0; tf < inputs.timeframes().size(); tf++)
        {
            final Map<Kind, MemorySegment> in = inputs.tables(arena, tf);
            final MemorySegment[] out = new MemorySegment[1];
            cpu.clusterize(in.get(Kind.CELLS), in.get(Kind.MODULES), in.get(Kind.HITS), size -> out[0] = arena.allocate(size, 8));
            tables.add(out[0]);
        }
        return tables;
    }

    /** The pool a timeframe needs for its candidates, each in one place, and without them (spacepoints, counts, positions). */
    private static long[] poolBytesWithAndWithoutCandidates(final GpuContext context, final MemorySegment timeframe)
    {
        try (Arena arena = Arena.ofConfined();
             GpuMemoryPool pool = new GpuMemoryPool(context, POOL_BYTES);
             GpuTripletSearch search = new GpuTripletSearch(context, pool, new SeedCuts(SeedConfig.defaults())))
        {
            final TimeframeSeeder seeder = new TimeframeSeeder(search, new SeedCuts(SeedConfig.defaults()));
            seeder.seed(0, timeframe, size -> arena.allocate(size, 8));
            final long candidateBytes = 2L * Integer.BYTES * seeder.lastCandidates();
            assertTrue(seeder.lastCandidates() > 100, "candidates: " + seeder.lastCandidates());
            return new long[] {search.lastFixedBytes() + candidateBytes, search.lastFixedBytes()};
        }
    }

    @Test
    void shouldWalkOnlyTheOverflowingMiddlesAgain()
    {
        // The first timeframe's regions (128 candidates a middle) are too small for some middles of a dense event; the next
        // timeframes' regions are sized from the counts, so fewer overflow. Seeds stay equal all along.
        final List<MemorySegment> dense = spacepoints(RecoInputs.dense(1000));
        try (GpuContext context = new CpuBackend().open(0);
             GpuMemoryPool pool = new GpuMemoryPool(context, 256L << 20);
             GpuTripletSearch search = new GpuTripletSearch(context, pool, new SeedCuts(SeedConfig.defaults())))
        {
            final TimeframeSeeder gpu = new TimeframeSeeder(search, new SeedCuts(SeedConfig.defaults()));
            final ReconstructionSteps cpu = ReconstructionSteps.withDefaults();
            final int[] overflows = new int[2];
            try (Arena arena = Arena.ofConfined())
            {
                for (int pass = 0; pass < 2; pass++)
                {
                    final MemorySegment[] expected = new MemorySegment[1];
                    final MemorySegment[] actual = new MemorySegment[1];
                    cpu.seed(dense.getFirst(), size -> expected[0] = arena.allocate(size, 8));
                    gpu.seed(pass, dense.getFirst(), size -> actual[0] = arena.allocate(size, 8));
                    assertEquals(-1, expected[0].mismatch(actual[0]), "seed tables differ at that byte, timeframe " + pass);
                    overflows[pass] = search.lastOverflows();
                    assertEquals(overflows[pass] == 0 ? 1 : 2, search.lastPasses(), "passes with " + overflows[pass] + " overflows");
                }
            }
            assertTrue(overflows[0] > 0, "a dense event overflows 32 candidates a middle somewhere");
            // More than 2 % of the middles overflowed the first regions, so the next are larger (up to their cap) and overflow less.
            final long spacepoints = new Table(Spacepoints.LAYOUT).wrap(dense.getFirst()).rowCount();
            assertTrue(overflows[0] > 0.02 * spacepoints, "overflows " + overflows[0] + " of " + spacepoints + " spacepoints");
            assertTrue(overflows[1] < overflows[0], "overflows " + overflows[0] + " then " + overflows[1]);
        }
    }

    /** Seeds every timeframe on the CPU and on {@code context}; returns the most candidate passes a timeframe took. */
    private static int assertEqualSeeds(final GpuContext context, final List<MemorySegment> timeframes, final long poolBytes)
    {
        return assertEqualSeeds(context, timeframes, poolBytes, SeedConfig.defaults());
    }

    /** As above, with the seeder's cuts {@code config}. */
    private static int assertEqualSeeds(final GpuContext context, final List<MemorySegment> timeframes, final long poolBytes,
        final SeedConfig config)
    {
        final ReconstructionSteps cpu = new ReconstructionSteps(config, FinderConfig.defaults(), 1200, 1.0, 4);
        final SeedCuts cuts = new SeedCuts(config);
        int passes = 0;
        try (Arena arena = Arena.ofConfined();
             GpuMemoryPool pool = new GpuMemoryPool(context, poolBytes);
             GpuTripletSearch search = new GpuTripletSearch(context, pool, cuts))
        {
            final TimeframeSeeder gpu = new TimeframeSeeder(search, cuts);
            gpu.warmUp();
            for (int tf = 0; tf < timeframes.size(); tf++)
            {
                final MemorySegment[] expected = new MemorySegment[1];
                final MemorySegment[] actual = new MemorySegment[1];
                cpu.seed(timeframes.get(tf), size -> expected[0] = arena.allocate(size, 8));
                gpu.seed(tf, timeframes.get(tf), size -> actual[0] = arena.allocate(size, 8));
                assertTrue(expected[0].byteSize() > 1000, "the timeframe has seeds");
                assertEquals(expected[0].byteSize(), actual[0].byteSize(), "seed table size");
                assertEquals(-1, expected[0].mismatch(actual[0]), "seed tables differ at that byte");
                passes = Math.max(passes, search.lastPasses());
            }
        }
        return passes;
    }
}
