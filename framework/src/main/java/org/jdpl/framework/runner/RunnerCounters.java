package org.jdpl.framework.runner;

import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

/**
 * What the runner counts, for the device report and, through {@link CountersPublisher}, for the
 * run's shared counters. Written by the runner's thread only; plain fields, so counting costs
 * nothing on the hot path.
 */
final class RunnerCounters
{
    /** Longer calls are recorded as this long (the histogram's range). */
    static final long MAX_RECORDED_NANOS = TimeUnit.SECONDS.toNanos(60);
    private static final long[] NONE = new long[0];

    long timeslicesIn;
    long timeslicesOut;
    long bytesIn;
    long bytesOut;
    long timeslicesDropped;
    long errors;
    long backPressureNanos;
    long connectWaitNanos;
    long idleNanos;
    /** Rate limit (sources only): time held back, timeframes in flight now and at most. */
    long rateLimitWaitNanos;
    long inFlight;
    long maxInFlight;
    /** Messages dropped for consumers the run gave up on (expendable devices that died). */
    long messagesAbandoned;
    /** Messages and payload bytes sent per output (index in the device's outputs). */
    long[] outputMessages = NONE;
    long[] outputBytes = NONE;
    /** Time spent in the device's process calls since the publisher last read it. */
    final Histogram processingNanos = new Histogram(1, MAX_RECORDED_NANOS, 2);

    void sizeOutputs(final int outputs)
    {
        outputMessages = new long[outputs];
        outputBytes = new long[outputs];
    }

    void outputSent(final int output, final long payloadBytes)
    {
        outputMessages[output]++;
        outputBytes[output] += payloadBytes;
    }

    /** One process call from {@code startNs} to {@code endNs}; the end doubles as a fresh clock reading for the publisher. */
    void recordProcessing(final long startNs, final long endNs)
    {
        processingNanos.recordValue(Math.min(Math.max(endNs - startNs, 1), MAX_RECORDED_NANOS));
        lastProcessEndNs = endNs;
    }

    long lastProcessEndNs;
    final TimesliceLedger ledger = new TimesliceLedger();
}
