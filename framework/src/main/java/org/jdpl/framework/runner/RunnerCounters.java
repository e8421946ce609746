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
    static final int SAMPLE_EVERY_CALLS = 16;
    static final long TIME_EVERY_CALL_ABOVE_NS = 20_000;

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

    /**
     * Whether to time the next process call. Two clock reads cost 40-200 ns on a virtual machine,
     * as much as a light device's whole call, so calls are sampled: while the last timed call took
     * less than {@link #TIME_EVERY_CALL_ABOVE_NS}, one call in {@link #SAMPLE_EVERY_CALLS} is timed
     * (a uniform sample: the percentiles stay those of every call); a device whose calls take
     * longer is timed on every call, where the clock is noise, so its figures and heartbeat (the
     * end of a call is the publisher's clock reading) stay exact. Sampling, not once per duty cycle:
     * a duty cycle's reading cannot say how long each of its calls took.
     */
    boolean timeNextCall()
    {
        if (timeEveryCall || ++untimedCalls >= SAMPLE_EVERY_CALLS)
        {
            untimedCalls = 0;
            return true;
        }
        return false;
    }

    /** One process call from {@code startNs} to {@code endNs}; the end doubles as a fresh clock reading for the publisher. */
    void recordProcessing(final long startNs, final long endNs)
    {
        final long tookNs = endNs - startNs;
        processingNanos.recordValue(Math.min(Math.max(tookNs, 1), MAX_RECORDED_NANOS));
        lastProcessEndNs = endNs;
        timeEveryCall = tookNs >= TIME_EVERY_CALL_ABOVE_NS;
    }

    long lastProcessEndNs;
    /** The first call is timed, to learn whether this device's calls are light. */
    private boolean timeEveryCall = true;
    private int untimedCalls;
    final TimesliceLedger ledger = new TimesliceLedger();
}
