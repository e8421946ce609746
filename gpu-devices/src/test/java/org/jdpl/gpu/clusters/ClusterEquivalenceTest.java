package org.jdpl.gpu.clusters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.jdpl.devices.reco.io.TrackmlEventFiles;
import org.jdpl.gpu.GpuContext;
import org.jdpl.gpu.OpenClAvailable;
import org.jdpl.gpu.PoolExhaustedException;
import org.jdpl.gpu.SampleData;
import org.jdpl.gpu.cpu.CpuBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The GPU clusterization equals the reference: labels exactly, centroids within
 * {@link ReferenceClusterer#CENTROID_TOLERANCE}, on simulated timeframes and on the TrackML
 * sample, on the CPU backend and on OpenCL (PoCL in CI).
 */
@Timeout(120)
class ClusterEquivalenceTest
{
    private static final int[] SIZES = {1, 2, 37, 1000, 10_000};

    @Test
    void shouldMatchTheReferenceOnSimulatedTimeframesOnTheCpuBackend()
    {
        try (GpuContext context = new CpuBackend().open(0))
        {
            matchOnSimulated(context);
        }
    }

    @Test
    void shouldMatchTheReferenceOnSimulatedTimeframesOnOpenCl()
    {
        try (GpuContext context = OpenClAvailable.openFirstDevice())
        {
            matchOnSimulated(context);
        }
    }

    @Test
    void shouldMatchTheReferenceOnTheTrackMlSampleOnTheCpuBackend()
    {
        final CellTable cells = sample();
        try (GpuContext context = new CpuBackend().open(0))
        {
            matchOnSample(context, cells);
        }
    }

    @Test
    void shouldMatchTheReferenceOnTheTrackMlSampleOnOpenCl()
    {
        final CellTable cells = sample();
        try (GpuContext context = OpenClAvailable.openFirstDevice())
        {
            matchOnSample(context, cells);
        }
    }

    @Test
    void shouldMatchTheReferenceOnTheSampleAsTheChainsReaderReadsIt()
    {
        final Path dir = SampleData.directory();
        final TrackmlEventFiles files = TrackmlEventFiles.scan(dir);
        final CellTable cells = CellTable.of(files.read(files.eventIds().getFirst()));
        final CellClusters expected = ReferenceClusterer.cluster(cells);
        assertEquals(ReferenceClusterer.cluster(sample()).clusterCount(), expected.clusterCount(),
            "the chain's reader and ours see the same clusters, whatever their module numbering");
        try (GpuContext context = OpenClAvailable.openFirstDevice(); ClusterRig rig = ClusterRig.open(context, cells.size()))
        {
            ClusterComparison.assertAgree(expected, rig.cluster(0, cells), ReferenceClusterer.CENTROID_TOLERANCE, "OpenCL, chain reader");
        }
    }

    @Test
    void shouldGiveOpenClAndTheCpuBackendIdenticalLabels()
    {
        final CellTable cells = RandomCells.generate(99, 5000, 20);
        try (GpuContext cpu = new CpuBackend().open(0);
             GpuContext openCl = OpenClAvailable.openFirstDevice();
             ClusterRig onCpu = ClusterRig.open(cpu, cells.size());
             ClusterRig onOpenCl = ClusterRig.open(openCl, cells.size()))
        {
            final double worst = ClusterComparison.assertAgree(onCpu.cluster(0, cells), onOpenCl.cluster(0, cells),
                ReferenceClusterer.CENTROID_TOLERANCE, "OpenCL against the cpu backend");
            System.out.println("OpenCL vs cpu backend, 5000 cells: worst relative centroid difference " + worst);
        }
    }

    @Test
    void shouldNameBothSizesWhenATimeframeOutgrowsThePool()
    {
        try (GpuContext context = new CpuBackend().open(0);
             ClusterRig clusterizer = ClusterRig.open(context, 100))
        {
            clusterizer.cluster(1, RandomCells.generate(1, 100, 3));
            final PoolExhaustedException e = assertThrows(PoolExhaustedException.class,
                () -> clusterizer.cluster(2, RandomCells.generate(2, 1000, 3)));
            assertTrue(e.getMessage().startsWith("timeframe 2 needs at least "), e.getMessage());
            assertTrue(e.neededBytes() > e.poolBytes(), e.getMessage());
            assertEquals(0, clusterizer.pool().usedBytes(), "the pool is reset after a failed timeframe");
            ClusterComparison.assertAgree(ReferenceClusterer.cluster(RandomCells.generate(3, 100, 3)),
                clusterizer.cluster(3, RandomCells.generate(3, 100, 3)), ReferenceClusterer.CENTROID_TOLERANCE, "after the failure");
        }
    }

    private static void matchOnSimulated(final GpuContext context)
    {
        final int largest = SIZES[SIZES.length - 1];
        try (ClusterRig clusterizer = ClusterRig.open(context, largest))
        {
            for (int seed = 0; seed < 3; seed++)
            {
                for (final int size : SIZES)
                {
                    final CellTable cells = RandomCells.generate(seed * 1000L + size, size, Math.max(1, size / 200));
                    final double worst = ClusterComparison.assertAgree(ReferenceClusterer.cluster(cells),
                        clusterizer.cluster(seed, cells), ReferenceClusterer.CENTROID_TOLERANCE,
                        context.backend() + ", seed " + seed + ", " + size + " cells");
                    if (size == largest)
                    {
                        System.out.printf("%s: %d simulated cells, %d rounds, worst relative centroid difference %.2e%n",
                            context.backend(), size, clusterizer.clusterizer().lastRounds(), worst);
                    }
                }
            }
            assertEquals(0, clusterizer.pool().usedBytes());
        }
    }

    private static void matchOnSample(final GpuContext context, final CellTable cells)
    {
        final long referenceStartNs = System.nanoTime();
        final CellClusters expected = ReferenceClusterer.cluster(cells);
        final long referenceNs = System.nanoTime() - referenceStartNs;
        try (ClusterRig clusterizer = ClusterRig.open(context, cells.size()))
        {
            final double worst = ClusterComparison.assertAgree(expected, clusterizer.cluster(0, cells),
                ReferenceClusterer.CENTROID_TOLERANCE, context.backend() + " on the TrackML sample");
            System.out.printf("%s on %s: %d cells -> %d clusters, worst relative centroid difference %.2e%n",
                context.backend(), context.deviceName(), cells.size(), expected.clusterCount(), worst);
            System.out.printf("first timeframe (cold): reference %.2f ms%n", referenceNs / 1e6);
        }
    }

    private static CellTable sample()
    {
        return SampleData.cells();
    }
}
