package org.jdpl.framework.device;

/**
 * One option of a device type: name, type, help, and for numbers an inclusive range. The default
 * value is in the module's reference.conf at {@code jdpl.device-types.<type>.<name>}.
 */
public record OptionSpec(String name, OptionType type, String help, double min, double max)
{
    public static OptionSpec of(final String name, final OptionType type, final String help)
    {
        return new OptionSpec(name, type, help, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    public static OptionSpec ranged(final String name, final OptionType type, final double min, final double max, final String help)
    {
        return new OptionSpec(name, type, help, min, max);
    }

    public boolean hasRange()
    {
        return min != Double.NEGATIVE_INFINITY || max != Double.POSITIVE_INFINITY;
    }
}
