package org.jdpl.framework.spec;

/**
 * A device input: a label bound to a matcher, with a lifetime. Written
 * {@code label:ORIG/DESC[/SUB][?lifetime=optional]}.
 */
public record InputSpec(String label, DataMatcher matcher, Lifetime lifetime)
{
    public InputSpec
    {
        SpecParser.checkLabel(label);
        if (matcher == null || lifetime == null)
        {
            throw new IllegalArgumentException("matcher and lifetime are required");
        }
    }

    public static InputSpec parse(final String text)
    {
        return SpecParser.parseInput(text);
    }

    @Override
    public String toString()
    {
        return label + ":" + matcher + (lifetime == Lifetime.TIMEFRAME ? "" : "?lifetime=" + lifetime.text());
    }
}
