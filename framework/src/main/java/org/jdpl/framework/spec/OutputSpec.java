package org.jdpl.framework.spec;

/**
 * A device output: a label bound to one concrete spec, with a lifetime. Written
 * {@code label:ORIG/DESC/SUB[?lifetime=sporadic]}; a missing subSpec means 0.
 */
public record OutputSpec(String label, DataSpec spec, Lifetime lifetime)
{
    public OutputSpec
    {
        SpecParser.checkLabel(label);
        if (spec == null || lifetime == null)
        {
            throw new IllegalArgumentException("spec and lifetime are required");
        }
    }

    public static OutputSpec parse(final String text)
    {
        return SpecParser.parseOutput(text);
    }

    @Override
    public String toString()
    {
        return label + ":" + spec + (lifetime == Lifetime.TIMEFRAME ? "" : "?lifetime=" + lifetime.text());
    }
}
