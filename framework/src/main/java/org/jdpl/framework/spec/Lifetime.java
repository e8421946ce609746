package org.jdpl.framework.spec;

import java.util.Locale;

/** How an input takes part in timeslice completion. */
public enum Lifetime
{
    /** One per timeslice; required for completion. The default. */
    TIMEFRAME,
    /** May be absent; not waited for. */
    OPTIONAL,
    /** Arrives now and then; not waited for. */
    SPORADIC,
    /** Slowly changing (calibration): delivered when it changes, held until replaced. */
    CONDITION,
    /** A periodic trigger with no producer. */
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
