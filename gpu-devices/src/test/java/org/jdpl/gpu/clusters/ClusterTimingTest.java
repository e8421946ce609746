package org.jdpl.gpu.clusters;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.jdpl.gpu.GpuContext;
import org.jdpl.gpu.GpuStats;
import org.jdpl.gpu.OpenClAvailable;
import org.jdpl.gpu.cpu.CpuBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Measures, and prints, the time per timeframe of the clusterization on the TrackML sample: the
 * Java reference, the cpu backend and OpenCL (wall time and the kernels' own event time). Nothing
 * about speed is asserted; the labels are checked so the numbers are of correct runs.
 */
@Timeout(120)
class ClusterTimingTest
{
    private static final int WARM_UP = 10;
    private static final int TIMED = 20;

    @Test
    void shouldPrintTimePerTimeframeOnTheSample()
    {
        final CellTable cells = ClusterEquivalenceTest.sample();
        final int[] expected = ReferenceClusterer.cluster(cells).labels();
        for (int i = 0; i < WARM_UP; i++)
        {
            ReferenceClusterer.cluster(cells);
        }
        final long referenceStartNs = System.nanoTime();
        for (int i = 0; i < TIMED; i++)
        {
            ReferenceClusterer.cluster(cells);
        }
        final double referenceMs = (System.nanoTime() - referenceStartNs) / 1e6 / TIMED;
        System.out.printf("TrackML sample, %d cells, %d timeframes after %d warm-up%n", cells.size(), TIMED, WARM_UP);
        System.out.printf("  reference (Java union-find): %.3f ms/TF%n", referenceMs);
        try (GpuContext cpu = new CpuBackend().open(0))
        {
            time(cpu, cells, expected);
        }
        try (GpuContext openCl = OpenClAvailable.openFirstDevice())
        {
            time(openCl, cells, expected);
        }
    }

    private static void time(final GpuContext context, final CellTable cells, final int[] expected)
    {
        try (ClusterRig clusterizer = ClusterRig.open(context, cells.size()))
        {
            for (int i = 0; i < WARM_UP; i++)
            {
                assertArrayEquals(expected, clusterizer.cluster(i, cells).labels());
            }
            final GpuStats stats = context.stats();
            final long kernelNsBefore = stats.kernelNs();
            final long transferNsBefore = stats.transferNs();
            final long bytesBefore = stats.bytesToDevice() + stats.bytesFromDevice();
            final long startNs = System.nanoTime();
            for (int i = 0; i < TIMED; i++)
            {
                clusterizer.cluster(WARM_UP + i, cells);
            }
            final double wallMs = (System.nanoTime() - startNs) / 1e6 / TIMED;
            System.out.printf("  %s (%s): %.3f ms/TF wall, kernels %.3f ms/TF, transfers %.3f ms/TF for %d bytes/TF, " +
                    "%d propagation rounds, pool high-water %d bytes%n",
                context.backend(), context.deviceName(), wallMs, (stats.kernelNs() - kernelNsBefore) / 1e6 / TIMED,
                (stats.transferNs() - transferNsBefore) / 1e6 / TIMED,
                (stats.bytesToDevice() + stats.bytesFromDevice() - bytesBefore) / TIMED, clusterizer.clusterizer().lastRounds(),
                clusterizer.pool().highWaterBytes());
        }
    }
}
