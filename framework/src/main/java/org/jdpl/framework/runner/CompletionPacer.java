package org.jdpl.framework.runner;

import java.util.concurrent.TimeUnit;

/**
 * Paces a source at the rate its sinks complete timeframes ({@code rate-limit.smooth = true}).
 *
 * <p>Why: a bare in-flight limit lets the source burst until the limit, stall until a sink frees a
 * slot, burst again; every stage between sees its queue fill and empty in waves. A source that
 * releases timeframes evenly, at the rate the chain drains them, keeps the queues steady instead.
 *
 * <p>The control law: release one timeframe every {@code 1 / r} seconds with
 * {@code r = mu * (1 + headroom) * (1 + (setpoint - inFlight) / catchUp)}, where {@code mu}
 * is an exponentially weighted average of the completions per second seen at the sinks. The
 * feed-forward term {@code mu} alone would drift: it is measured, so it is a little off, and
 * measured under our own pacing, so a source that runs slow measures a slow chain and slows down
 * further. Two things break that loop. A window in which the chain ran dry (nothing in flight at
 * some point, or as good as: one timeframe in flight may be past the slowest stage) measured our
 * own pacing, not the chain, so it may raise the average but never lower
 * it. And the proportional term on the in-flight count closes the loop: fewer in flight than the
 * setpoint (half the limit) speeds up, more slows down, so that the difference is made good over
 * about {@code catchUp} completions: quick enough that the jitter of the slow stage cannot wander
 * far, slow enough not to chase the noise of the counts. Keeping timeframes queued at the setpoint
 * keeps the slowest stage busy, which is both what makes {@code mu} its true capacity and what
 * loses no throughput; the headroom biases towards a full queue rather than an empty one. With
 * nothing in flight the source is released at once (nothing to pace against: the chain starves),
 * and the in-flight limit still holds whatever the pacing says.
 */
final class CompletionPacer
{
    /** Completions are counted over windows this long, then folded into the average. */
    static final long RATE_WINDOW_NS = TimeUnit.MILLISECONDS.toNanos(20);
    /** Weight of a new window in the average: about the last five windows count. */
    static final double RATE_SMOOTHING = 0.2;
    /** Release a little faster than measured, so that a measurement on the low side does not starve the chain. */
    static final double HEADROOM = 0.05;
    /** Over about how many completions an in-flight count off the setpoint is made good. */
    static final double CATCH_UP_TIMEFRAMES = 4.0;
    private static final double MIN_FACTOR = 0.5;
    private static final double MAX_FACTOR = 2.0;

    private final double setpoint;
    private double completionsPerNs;
    private long windowStartNs;
    private long windowStartDone = -1;
    private boolean windowRanDry;
    private long nextReleaseNs;

    CompletionPacer(final int limit)
    {
        this.setpoint = Math.max(1, limit / 2.0);
    }

    /** Whether a timeframe may be released now; {@code done} is what the sinks completed so far. */
    boolean mayRelease(final long nowNs, final long inFlight, final long done)
    {
        measure(nowNs, done, inFlight);
        return completionsPerNs <= 0 || inFlight == 0 || nowNs - nextReleaseNs >= 0;
    }

    /** A timeframe was released at {@code nowNs}, leaving {@code inFlight} in flight: when may the next go. */
    void released(final long nowNs, final long inFlight)
    {
        if (completionsPerNs <= 0)
        {
            return;
        }
        final double correction = Math.clamp(1 + (setpoint - inFlight) / CATCH_UP_TIMEFRAMES, MIN_FACTOR, MAX_FACTOR);
        final long intervalNs = (long)(1.0 / (completionsPerNs * (1 + HEADROOM) * correction));
        // A release that came late (the idle strategy parked) may be made up for once, not more.
        nextReleaseNs = Math.max(nextReleaseNs, nowNs - intervalNs) + intervalNs;
    }

    /** The measured completion rate, per second (0 until measured). */
    double completionsPerSecond()
    {
        return completionsPerNs * 1e9;
    }

    private void measure(final long nowNs, final long done, final long inFlight)
    {
        if (windowStartDone < 0 || done < windowStartDone || (done == windowStartDone && completionsPerNs <= 0))
        {
            // The first window opens at the first completion: the chain's start-up is no measure of its rate.
            windowStartNs = nowNs;
            windowStartDone = done;
            windowRanDry = false;
            return;
        }
        windowRanDry |= inFlight <= 1; // the one in flight may be past the slowest stage: it may idle
        final long elapsedNs = nowNs - windowStartNs;
        if (elapsedNs < RATE_WINDOW_NS)
        {
            return;
        }
        final double sample = (double)(done - windowStartDone) / elapsedNs;
        final boolean ranDry = windowRanDry;
        windowStartNs = nowNs;
        windowStartDone = done;
        windowRanDry = false;
        if (completionsPerNs <= 0)
        {
            completionsPerNs = sample;
        }
        else if (sample > completionsPerNs || !ranDry)
        {
            completionsPerNs += RATE_SMOOTHING * (sample - completionsPerNs);
        }
    }
}
