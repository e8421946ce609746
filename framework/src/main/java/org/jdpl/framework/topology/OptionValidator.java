package org.jdpl.framework.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import org.jdpl.framework.catalog.DeviceType;
import org.jdpl.framework.device.OptionSpec;

/** Checks a device's {@code options { }} against its type's {@link OptionSpec}s: names, value types, ranges. */
final class OptionValidator
{
    private OptionValidator()
    {
    }

    /** Reports every bad option; returns the options over the type's defaults. */
    static Config validate(final String device, final DeviceType type, final ConfigObject options, final List<Problem> problems)
    {
        final Config config = options.toConfig();
        final List<String> names = new ArrayList<>();
        for (final OptionSpec spec : type.options())
        {
            names.add(spec.name());
        }
        for (final Map.Entry<String, ConfigValue> entry : options.entrySet())
        {
            final String name = entry.getKey();
            final ConfigValue value = entry.getValue();
            final OptionSpec spec = type.option(name);
            final String where = Locations.of(value.origin());
            if (spec == null)
            {
                problems.add(new Problem(where, "device '" + device + "': unknown option '" + name + "' for type '" + type.name() + "'",
                    unknownOptionHint(device, type, name, names)));
                continue;
            }
            final String error = check(config, ConfigUtil.quoteString(name), spec);
            if (error != null)
            {
                problems.add(new Problem(where, "device '" + device + "': option '" + name + "' " + error, exampleHint(type, spec)));
            }
        }
        return config.withFallback(type.defaults());
    }

    private static String unknownOptionHint(final String device, final DeviceType type, final String name, final List<String> names)
    {
        final String deviceKey = DidYouMean.closest(name, TopologyKeys.DEVICE_LEVEL);
        if (DidYouMean.closest(name, names) == null && deviceKey != null)
        {
            // Likely a misspelt device key given in short form (--set fwd.pipline=2), which reads as an option.
            return "did you mean the device key '" + deviceKey + "' (" + device + "." + deviceKey + ")? (options: " +
                (names.isEmpty() ? "none" : String.join(", ", names)) + ")";
        }
        return names.isEmpty() ? "type '" + type.name() + "' takes no options" : DidYouMean.hint(name, names, "options");
    }

    /** Why the value at {@code path} does not fit {@code spec}, or null when it does. */
    private static String check(final Config config, final String path, final OptionSpec spec)
    {
        final String mustBe = "must be " + article(spec.type().text()) + ", got " + describe(config.getValue(path));
        try
        {
            return switch (spec.type())
            {
                case INT -> integral(config.getNumber(path), Integer.MIN_VALUE, Integer.MAX_VALUE, mustBe, spec);
                case LONG -> integral(config.getNumber(path), Long.MIN_VALUE, Long.MAX_VALUE, mustBe, spec);
                case DOUBLE -> range(config.getDouble(path), spec);
                case BOOLEAN -> accepted(config.getBoolean(path));
                case STRING -> accepted(config.getString(path));
                case PATH -> config.getString(path).isEmpty() ? "must not be empty (a file or directory path)" : null;
                case BYTES -> range(bytes(config, path), spec);
                case DURATION -> accepted(config.getDuration(path));
                case STRING_LIST -> accepted(config.getStringList(path));
            };
        }
        catch (final ConfigException.WrongType | ConfigException.BadValue e)
        {
            return mustBe;
        }
    }

    /** A size in bytes; a plain number may be negative, so that it is reported as out of range rather than as not a size. */
    static long bytes(final Config config, final String path)
    {
        if (config.getValue(path).unwrapped() instanceof Number number)
        {
            if (number instanceof Double || number instanceof Float)
            {
                throw new ConfigException.BadValue(config.getValue(path).origin(), path, "not a whole number of bytes");
            }
            return number.longValue();
        }
        return config.getBytes(path);
    }

    /** The getter returned, so the value has the right type: no complaint. */
    private static String accepted(final Object ignored)
    {
        return null;
    }

    private static String integral(final Number number, final long min, final long max, final String mustBe, final OptionSpec spec)
    {
        if (number instanceof Double || number instanceof Float)
        {
            final double d = number.doubleValue();
            if (d != Math.rint(d) || d < min || d > max)
            {
                return mustBe;
            }
        }
        else if (number.longValue() < min || number.longValue() > max)
        {
            return "is too large for " + article(spec.type().text()) + " (" + min + ".." + max + ")";
        }
        return range(number.doubleValue(), spec);
    }

    private static String range(final double value, final OptionSpec spec)
    {
        if (value >= spec.min() && value <= spec.max())
        {
            return null;
        }
        return "= " + number(value) + " is out of range: it must be " + rangeText(spec);
    }

    /** {@code 1..1000}, {@code at least 1} or {@code at most 10}. */
    static String rangeText(final OptionSpec spec)
    {
        if (spec.min() == Double.NEGATIVE_INFINITY)
        {
            return "at most " + number(spec.max());
        }
        if (spec.max() == Double.POSITIVE_INFINITY)
        {
            return "at least " + number(spec.min());
        }
        return number(spec.min()) + ".." + number(spec.max());
    }

    static String number(final double value)
    {
        return value == Math.rint(value) && Math.abs(value) <= 0x1p63 ? Long.toString((long)value) : Double.toString(value);
    }

    private static String exampleHint(final DeviceType type, final OptionSpec spec)
    {
        final String path = ConfigUtil.quoteString(spec.name());
        final String example = type.defaults().hasPath(path) ? type.defaults().getValue(path).render() : "...";
        final String range = spec.hasRange() ? " (" + rangeText(spec) + ")" : "";
        return "give " + article(spec.type().text()) + range + ", e.g. " + spec.name() + " = " + example + " (the default)";
    }

    private static String article(final String noun)
    {
        return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }

    static String describe(final ConfigValue value)
    {
        return switch (value.valueType())
        {
            case STRING -> "the string \"" + value.unwrapped() + "\"";
            case NUMBER -> "the number " + value.render();
            case BOOLEAN -> "the boolean " + value.render();
            case LIST -> "a list";
            case OBJECT -> "an object { }";
            case NULL -> "null";
        };
    }
}
