package org.jdpl.gpu.bench;

import java.util.List;

import org.jdpl.gpu.GpuContext;
import org.jdpl.gpu.GpuMemoryPool;
import org.jdpl.gpu.clusters.CellClusters;
import org.jdpl.gpu.clusters.CellTable;
import org.jdpl.gpu.clusters.ClusterAgreement;
import org.jdpl.gpu.clusters.GpuClusterizer;
import org.jdpl.gpu.clusters.ReferenceClusterer;

/**
 * Times the GPU clusterization against the CPU reference on the same timeframes, and checks on
 * every timed timeframe that the two agree. Both run warm: each first clusters every timeframe
 * {@code warmUpRounds} times untimed.
 */
public final class ClusterBenchmark
{
    private ClusterBenchmark()
    {
    }

    /**
     * @param context      the GPU to measure, owned by the caller
     * @param timeframes   the timeframes, each timed once per round
     * @param warmUpRounds untimed rounds over all timeframes first
     * @param timedRounds  timed rounds over all timeframes
     */
    public static ClusterBenchResult run(final GpuContext context, final List<CellTable> timeframes, final int warmUpRounds,
        final int timedRounds)
    {
        if (timeframes.isEmpty() || timedRounds < 1 || warmUpRounds < 0)
        {
            throw new IllegalArgumentException("need timeframes and at least one timed round (got " + timeframes.size() +
                " timeframes, " + timedRounds + " timed rounds)");
        }
        final int largest = timeframes.stream().mapToInt(CellTable::size).max().orElse(0);
        final long cells = timeframes.stream().mapToLong(CellTable::size).sum();
        try (GpuMemoryPool pool = new GpuMemoryPool(context, GpuClusterizer.poolBytesFor(largest, context.alignmentBytes()));
             GpuClusterizer clusterizer = new GpuClusterizer(context, pool))
        {
            long timeslice = 0;
            for (int round = 0; round < warmUpRounds; round++)
            {
                for (final CellTable timeframe : timeframes)
                {
                    ReferenceClusterer.cluster(timeframe);
                    clusterizer.cluster(timeslice++, timeframe);
                }
            }
            boolean identical = true;
            double worst = 0;
            long cpuNs = 0;
            long gpuNs = 0;
            final long kernelNsBefore = context.stats().kernelNs();
            for (int round = 0; round < timedRounds; round++)
            {
                for (final CellTable timeframe : timeframes)
                {
                    final long cpuStartNs = System.nanoTime();
                    final CellClusters expected = ReferenceClusterer.cluster(timeframe);
                    final long gpuStartNs = System.nanoTime();
                    final CellClusters actual = clusterizer.cluster(timeslice++, timeframe);
                    final long endNs = System.nanoTime();
                    cpuNs += gpuStartNs - cpuStartNs;
                    gpuNs += endNs - gpuStartNs;
                    final ClusterAgreement agreement = ClusterAgreement.of(expected, actual);
                    identical &= agreement.identical();
                    worst = Math.max(worst, agreement.worstDifference());
                }
            }
            final int timed = timedRounds * timeframes.size();
            return new ClusterBenchResult(context.backend(), context.deviceName(), identical, gpuNs / 1e6 / timed, cpuNs / 1e6 / timed,
                (context.stats().kernelNs() - kernelNsBefore) / 1e6 / timed, worst, timed, (double)cells / timeframes.size());
        }
    }
}
