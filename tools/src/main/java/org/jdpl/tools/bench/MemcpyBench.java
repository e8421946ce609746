package org.jdpl.tools.bench;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import org.HdrHistogram.Histogram;

/**
 * Baseline (e): copying a payload of the same size within one process, the physical cost a
 * zero-copy hand-off avoids. Both buffers are touched once before timing.
 */
final class MemcpyBench
{
    private MemcpyBench()
    {
    }

    /** Median and 99th percentile of one copy of {@code sizeBytes}, in microseconds. */
    static double[] measure(final long sizeBytes)
    {
        final int copies = (int)Math.max(5, Math.min(1000, (256L << 20) * 4 / sizeBytes));
        final Histogram ns = new Histogram(3);
        try (Arena arena = Arena.ofConfined())
        {
            final MemorySegment from = arena.allocate(sizeBytes, 4096);
            final MemorySegment to = arena.allocate(sizeBytes, 4096);
            from.fill((byte)1);
            MemorySegment.copy(from, 0, to, 0, sizeBytes);
            for (int i = 0; i < copies; i++)
            {
                final long start = System.nanoTime();
                MemorySegment.copy(from, 0, to, 0, sizeBytes);
                ns.recordValue(System.nanoTime() - start);
            }
        }
        return new double[] {ns.getValueAtPercentile(50) / 1e3, ns.getValueAtPercentile(99) / 1e3};
    }
}
