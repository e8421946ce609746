package org.jdpl.framework.spec;

import java.util.concurrent.TimeUnit;

/**
 * The clock of a {@link Lifetime#TIMER} input, written {@code ?lifetime=timer&period=100ms[&ticks=50]}:
 * a tick every {@code periodNanos}; after {@code ticks} ticks the device ends its stream (0: it ticks
 * until the run is stopped, as a source with no limit does).
 */
public record TimerSpec(long periodNanos, long ticks)
{
    /** Shorter periods are refused: the device's loop parks between ticks and cannot keep a finer clock. */
    public static final long MIN_PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    public TimerSpec
    {
        if (periodNanos < MIN_PERIOD_NANOS)
        {
            throw new IllegalArgumentException("a timer period must be at least 1ms, not " + periodNanos + " ns");
        }
        if (ticks < 0)
        {
            throw new IllegalArgumentException("ticks must be >= 0 (0: until stopped), not " + ticks);
        }
    }

    /** The parameters as written in a spec, without the lifetime: {@code period=100ms&ticks=50}. */
    String text()
    {
        final String period = periodNanos % 1_000_000 == 0 ? periodNanos / 1_000_000 + "ms" :
            periodNanos % 1_000 == 0 ? periodNanos / 1_000 + "us" : periodNanos + "ns";
        return "period=" + period + (ticks == 0 ? "" : "&ticks=" + ticks);
    }
}
