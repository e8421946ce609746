package org.jdpl.framework.spec;

/**
 * A device input: a label bound to a matcher, with a lifetime. Written
 * {@code label:ORIG/DESC[/SUB][?lifetime=optional]}; a timer input also has its clock
 * ({@code ?lifetime=timer&period=100ms}), which no other lifetime has.
 */
public record InputSpec(String label, DataMatcher matcher, Lifetime lifetime, TimerSpec timer)
{
    public InputSpec
    {
        SpecParser.checkLabel(label);
        if (matcher == null || lifetime == null)
        {
            throw new IllegalArgumentException("matcher and lifetime are required");
        }
        if ((lifetime == Lifetime.TIMER) != (timer != null))
        {
            throw new IllegalArgumentException("a timer input, and only a timer input, has a period");
        }
    }

    public InputSpec(final String label, final DataMatcher matcher, final Lifetime lifetime)
    {
        this(label, matcher, lifetime, null);
    }

    public static InputSpec parse(final String text)
    {
        return SpecParser.parseInput(text);
    }

    @Override
    public String toString()
    {
        return label + ":" + matcher + (lifetime == Lifetime.TIMEFRAME ? "" : "?lifetime=" + lifetime.text()) +
            (timer == null ? "" : "&" + timer.text());
    }
}
