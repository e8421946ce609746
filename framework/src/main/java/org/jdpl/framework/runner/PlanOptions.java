package org.jdpl.framework.runner;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.typesafe.config.Config;
import org.jdpl.framework.device.Options;
import org.jdpl.framework.plan.PlannedDevice;

/**
 * A device's options as a Driver-made plan carries them (a JSON object, the type's defaults already
 * merged), read in plain JDK code, so that a device process loads no Typesafe Config to start. The
 * plain forms (numbers, strings, booleans, lists of strings, sizes like {@code 16M}, durations like
 * {@code 200 ms}) are read here; a missing option or any other form goes to {@link ConfigOptions}
 * (made on first use), whose conversions and error messages are the reference.
 */
final class PlanOptions implements Options
{
    private static final Pattern WHOLE = Pattern.compile("-?\\d{1,18}");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    private static final Pattern WITH_UNIT = Pattern.compile("\\s*(\\d{1,15})\\s*([A-Za-z]*)\\s*");

    private final Map<String, Object> values;
    private final Supplier<ConfigOptions> reference;
    private ConfigOptions fallback;

    private PlanOptions(final Map<String, Object> values, final Supplier<ConfigOptions> reference)
    {
        this.values = values;
        this.reference = reference;
    }

    /**
     * The options of {@code device}, or, when its text is not a JSON object (HOCON of a hand-made
     * plan), its {@link ConfigOptions} straight away; {@code defaults} (its type's) are asked for only then.
     */
    static Options of(final PlannedDevice device, final Supplier<Config> defaults) throws DeviceSetupException
    {
        final String text = device.options();
        final Map<String, Object> values = OptionsJson.parseObject(text == null || text.isBlank() ? "{}" : text);
        if (values == null)
        {
            return ConfigOptions.of(device, defaults.get());
        }
        return new PlanOptions(values, () -> ConfigOptions.parse(device.name(), text, defaults.get()));
    }

    @Override
    public int getInt(final String name)
    {
        final Object value = values.get(name);
        if (whole(value) != null)
        {
            final long number = Long.parseLong(whole(value));
            if (number == (int)number)
            {
                return (int)number;
            }
        }
        return fallback().getInt(name);
    }

    @Override
    public long getLong(final String name)
    {
        final String whole = whole(values.get(name));
        return whole != null ? Long.parseLong(whole) : fallback().getLong(name);
    }

    @Override
    public double getDouble(final String name)
    {
        final Object value = values.get(name);
        if (value instanceof OptionsJson.Number n && DECIMAL.matcher(n.text()).matches())
        {
            return Double.parseDouble(n.text());
        }
        return fallback().getDouble(name);
    }

    @Override
    public boolean getBoolean(final String name)
    {
        return values.get(name) instanceof Boolean b ? b : fallback().getBoolean(name);
    }

    @Override
    public String getString(final String name)
    {
        return values.get(name) instanceof String s ? s : fallback().getString(name);
    }

    @Override
    public long getBytes(final String name)
    {
        final Object value = values.get(name);
        final String whole = whole(value);
        if (whole != null && value instanceof OptionsJson.Number)
        {
            return Long.parseLong(whole);
        }
        final Matcher m = value instanceof String s ? WITH_UNIT.matcher(s) : null;
        final long unit = m != null && m.matches() ? bytesPer(m.group(2)) : 0;
        if (unit > 0 && Long.parseLong(m.group(1)) <= Long.MAX_VALUE / unit)
        {
            return Long.parseLong(m.group(1)) * unit;
        }
        return fallback().getBytes(name);
    }

    @Override
    public Duration getDuration(final String name)
    {
        final Object value = values.get(name);
        if (value instanceof OptionsJson.Number && whole(value) != null)
        {
            return Duration.ofMillis(Long.parseLong(whole(value))); // a bare number is milliseconds, as in Typesafe Config
        }
        final Matcher m = value instanceof String s ? WITH_UNIT.matcher(s) : null;
        final long nanos = m != null && m.matches() ? nanosPer(m.group(2)) : 0;
        if (nanos > 0 && Long.parseLong(m.group(1)) <= Long.MAX_VALUE / nanos)
        {
            return Duration.ofNanos(Long.parseLong(m.group(1)) * nanos);
        }
        return fallback().getDuration(name);
    }

    @Override
    public List<String> getStringList(final String name)
    {
        if (values.get(name) instanceof List<?> list)
        {
            final List<String> strings = new ArrayList<>(list.size());
            for (final Object element : list)
            {
                if (!(element instanceof String s))
                {
                    return fallback().getStringList(name);
                }
                strings.add(s);
            }
            return List.copyOf(strings);
        }
        return fallback().getStringList(name);
    }

    /** The digits of a whole number (a JSON number, or a string of one, as Typesafe Config converts it), else null. */
    private static String whole(final Object value)
    {
        final String text = value instanceof OptionsJson.Number n ? n.text() : value instanceof String s ? s : null;
        return text != null && WHOLE.matcher(text).matches() ? text : null;
    }

    /** Typesafe Config's size units up to tera: k, K, Ki, KiB, kibibyte(s) are 1024; kB, kilobyte(s) 1000. 0 for others. */
    private static long bytesPer(final String unit)
    {
        return switch (unit)
        {
            case "", "B", "b", "byte", "bytes" -> 1;
            case "k", "K", "Ki", "KiB", "kibibyte", "kibibytes" -> 1L << 10;
            case "m", "M", "Mi", "MiB", "mebibyte", "mebibytes" -> 1L << 20;
            case "g", "G", "Gi", "GiB", "gibibyte", "gibibytes" -> 1L << 30;
            case "t", "T", "Ti", "TiB", "tebibyte", "tebibytes" -> 1L << 40;
            case "kB", "kilobyte", "kilobytes" -> 1_000L;
            case "MB", "megabyte", "megabytes" -> 1_000_000L;
            case "GB", "gigabyte", "gigabytes" -> 1_000_000_000L;
            case "TB", "terabyte", "terabytes" -> 1_000_000_000_000L;
            default -> 0;
        };
    }

    /** Typesafe Config's duration units (no unit: milliseconds), in nanoseconds; 0 for others. */
    private static long nanosPer(final String unit)
    {
        return switch (unit)
        {
            case "ns", "nano", "nanos", "nanosecond", "nanoseconds" -> 1;
            case "us", "micro", "micros", "microsecond", "microseconds" -> 1_000L;
            case "", "ms", "milli", "millis", "millisecond", "milliseconds" -> 1_000_000L;
            case "s", "second", "seconds" -> 1_000_000_000L;
            case "m", "minute", "minutes" -> 60_000_000_000L;
            case "h", "hour", "hours" -> 3_600_000_000_000L;
            case "d", "day", "days" -> 86_400_000_000_000L;
            default -> 0;
        };
    }

    private ConfigOptions fallback()
    {
        if (fallback == null)
        {
            fallback = reference.get();
        }
        return fallback;
    }
}
