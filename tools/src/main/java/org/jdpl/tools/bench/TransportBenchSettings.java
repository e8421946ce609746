package org.jdpl.tools.bench;

import java.util.List;

/**
 * What {@link TransportBench} measures and how long: the payload sizes of the hand-off series and
 * the message counts of each throughput step. {@link #full()} is the benchmark (about 2-3 minutes
 * on two cores); {@link #quick()} proves the machinery in seconds and measures nothing worth quoting.
 */
public record TransportBenchSettings(
    List<Long> handoffSizes,
    long fanoutSize,
    long smallMessages,
    int handoffs,
    int warmupHandoffs,
    long handoffIntervalUs,
    long chronicleSmallMessages,
    long chronicleLargeMessages,
    long chronicleLargeBytes,
    long segmentMessages)
{
    private static final long KIB = 1024;
    private static final long MIB = 1024 * KIB;
    private static final long GIB = 1024 * MIB;

    public static TransportBenchSettings full()
    {
        return new TransportBenchSettings(List.of(64 * KIB, 16 * MIB, 256 * MIB, GIB), 256 * MIB,
            2_000_000, 1000, 100, 1000, 300_000, 1000, MIB, 200_000);
    }

    public static TransportBenchSettings quick()
    {
        return new TransportBenchSettings(List.of(64 * KIB, MIB), MIB, 20_000, 30, 5, 1000, 2_000, 20, MIB, 2_000);
    }

    /** The largest payload in flight: the segment must hold a few of them. */
    long largestPayload()
    {
        long largest = fanoutSize;
        for (final long size : handoffSizes)
        {
            largest = Math.max(largest, size);
        }
        return largest;
    }
}
