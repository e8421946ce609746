package org.jdpl.framework.runner;

import org.jdpl.framework.counters.RunCountersFile;
import org.jdpl.framework.plan.Plan;
import org.jdpl.framework.plan.RateLimit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds a source back while {@code rate-limit.timeframes-in-flight} timeframes it produced are not
 * yet done by every sink ({@link SinkCompletions}), and, with {@code smooth}, paces it
 * ({@link CompletionPacer}). The runner asks before each call of the source's process; a refused
 * source idles through its idle strategy, and the time it is held counts as rate-limit wait.
 *
 * <p>It never blocks for good: a sink with a dead replica stops counting, and when a watched
 * replica restarts, everything then in flight is forgiven (what the dead process held is lost and
 * its number unknown), so for a while after a restart up to twice the limit may be in flight.
 */
final class SourceThrottle
{
    private static final Logger LOG = LoggerFactory.getLogger(SourceThrottle.class);
    /** Holds nothing back: for devices that are no source, and runs without a limit. */
    static final SourceThrottle NONE = new SourceThrottle(RateLimit.NONE, null, null);

    private final int limit;
    private final SinkCompletions sinks;
    private final CompletionPacer pacer;
    private final RunnerCounters counters;
    private long forgiven;
    private long inFlight;
    private long waitStartNs;
    private boolean waiting;

    private SourceThrottle(final RateLimit rateLimit, final SinkCompletions sinks, final RunnerCounters counters)
    {
        this.limit = rateLimit.timeframesInFlight();
        this.sinks = sinks;
        this.pacer = rateLimit.smooth() ? new CompletionPacer(limit) : null;
        this.counters = counters;
    }

    /** The throttle of source {@code source}; {@link #NONE} when the plan sets no limit (or there are no shared counters to read). */
    static SourceThrottle of(final Plan plan, final String source, final RunCountersFile file, final RunnerCounters counters, final String who)
    {
        final RateLimit rateLimit = plan.rateLimit();
        if (!rateLimit.limited())
        {
            return NONE;
        }
        if (file == null)
        {
            LOG.warn("{}: rate-limit not applied: no run counters file to see the sinks' progress in (run it under dpl run)", who);
            return NONE;
        }
        final SinkCompletions sinks = SinkCompletions.of(plan, source, file);
        LOG.info("{}: at most {} timeframe(s) in flight{}, done by {}", who, rateLimit.timeframesInFlight(),
            rateLimit.smooth() ? ", paced at the sinks' rate" : "", sinks.sinks());
        return new SourceThrottle(rateLimit, sinks, counters);
    }

    /** Whether the source may make timeframe number {@code produced} (it made {@code produced} so far). */
    boolean mayProduce(final long produced)
    {
        if (sinks == null)
        {
            return true;
        }
        final long nowNs = System.nanoTime();
        final long done = sinks.poll();
        if (sinks.restartSeen())
        {
            forgiven = produced - Math.min(done, produced);
        }
        final boolean allowed;
        if (done == Long.MAX_VALUE)
        {
            inFlight = 0; // no live sink to wait for
            allowed = true;
        }
        else
        {
            inFlight = Math.max(0, produced - done - forgiven);
            allowed = inFlight < limit && (pacer == null || pacer.mayRelease(nowNs, inFlight, done));
        }
        counters.inFlight = inFlight;
        if (!allowed && !waiting)
        {
            waiting = true;
            waitStartNs = nowNs;
        }
        else if (allowed && waiting)
        {
            waiting = false;
            counters.rateLimitWaitNanos += nowNs - waitStartNs;
        }
        return allowed;
    }

    /** Adds what the limit did to the device's metrics (for its report and the run summary). */
    void report(final MapMetrics metrics)
    {
        if (sinks == null)
        {
            return;
        }
        metrics.set("rate-limit.waitSeconds", counters.rateLimitWaitNanos / 1e9);
        metrics.set("rate-limit.maxInFlight", counters.maxInFlight);
        if (pacer != null)
        {
            metrics.set("rate-limit.completionsPerSecond", pacer.completionsPerSecond());
        }
    }

    /** The source made the timeframe {@link #mayProduce} allowed. */
    void produced()
    {
        if (sinks == null)
        {
            return;
        }
        inFlight++;
        counters.inFlight = inFlight;
        counters.maxInFlight = Math.max(counters.maxInFlight, inFlight);
        if (pacer != null)
        {
            pacer.released(System.nanoTime(), inFlight);
        }
    }
}
