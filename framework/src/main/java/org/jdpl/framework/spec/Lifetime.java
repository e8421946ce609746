package org.jdpl.framework.spec;

import java.util.Locale;

/**
 * How an input takes part in timeslice completion. The rules each lifetime follows at run time
 * (late optional messages, held conditions, timer clocks) are in the runner's
 * {@code TimesliceAssembler}, {@code ConditionHolder} and {@code TimerInputs}, and in the README.
 */
public enum Lifetime
{
    /** One per timeslice; required for completion. The default. */
    TIMEFRAME,
    /** May be absent; not waited for; after its timeslice was processed it is late (dropped, counted). */
    OPTIONAL,
    /** Arrives now and then; not waited for; treated as {@link #OPTIONAL}. */
    SPORADIC,
    /**
     * Slowly changing (calibration): held until replaced, so every timeslice sees the latest; sent
     * to every replica; timeslices wait only until the first one arrived.
     */
    CONDITION,
    /** A periodic trigger with no producer ({@code ?lifetime=timer&period=100ms[&ticks=N]}, see {@link TimerSpec}). */
    TIMER;

    /** Whether a timeslice waits for this input before it is complete. */
    public boolean requiredForCompletion()
    {
        return this == TIMEFRAME;
    }

    /** Whether an input of this lifetime needs a producer in the topology. */
    public boolean needsProducer()
    {
        return this == TIMEFRAME || this == CONDITION;
    }

    public String text()
    {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the lower-case name; returns null when unknown. */
    public static Lifetime fromText(final String text)
    {
        for (final Lifetime lifetime : values())
        {
            if (lifetime.text().equals(text))
            {
                return lifetime;
            }
        }
        return null;
    }
}
