package org.jdpl.framework.device;

/**
 * One option of a device type: name, type, help, for numbers an inclusive range, and its default
 * value: declared here ({@link #withDefault}, as {@link DeviceSpec} does), or, when
 * {@code defaultValue} is null, in the module's reference.conf at {@code jdpl.device-types.<type>.<name>}.
 */
public record OptionSpec(String name, OptionType type, String help, double min, double max, Object defaultValue)
{
    public static OptionSpec of(final String name, final OptionType type, final String help)
    {
        return new OptionSpec(name, type, help, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, null);
    }

    public static OptionSpec ranged(final String name, final OptionType type, final double min, final double max, final String help)
    {
        return new OptionSpec(name, type, help, min, max, null);
    }

    /** The same option with this default: a number, boolean, string (sizes and durations as HOCON text: "16M", "5s") or list of strings. */
    public OptionSpec withDefault(final Object value)
    {
        return new OptionSpec(name, type, help, min, max, value);
    }

    public boolean hasRange()
    {
        return min != Double.NEGATIVE_INFINITY || max != Double.POSITIVE_INFINITY;
    }
}
