package org.jdpl.framework.topology;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;

/**
 * One {@code --set key=value}, with its key expanded to a full path. The key is a full path
 * ({@code devices.source.options.timeslices}, {@code shm.segment-size}), or short:
 * {@code <device>.<device-level key>} ({@code fwd.pipeline}) or {@code <device>.<option>}
 * ({@code source.timeslices}). The value is a HOCON value.
 *
 * @param path  the full path the value goes to
 * @param value the parsed value, whose origin is {@code --set '<text>'}
 * @param text  what the user wrote, for messages
 */
record SetOverride(String path, ConfigValue value, String text)
{
    /** Parses {@code text}; returns null and adds a problem when it is malformed. */
    static SetOverride parse(final String text, final Collection<String> devices, final List<Problem> problems)
    {
        final String where = location(text);
        final int eq = text.indexOf('=');
        if (eq <= 0)
        {
            problems.add(new Problem(where, eq == 0 ? "no key before '='" : "no '=' between key and value",
                "write --set key=value, e.g. --set source.timeslices=10"));
            return null;
        }
        final String key = text.substring(0, eq).trim();
        final List<String> parts;
        try
        {
            parts = ConfigUtil.splitPath(key);
        }
        catch (final ConfigException e)
        {
            problems.add(new Problem(where, "bad key '" + key + "'", "a key is a dotted path such as source.timeslices or shm.segment-size"));
            return null;
        }
        final String path = expand(key, parts, devices, where, problems);
        if (path == null)
        {
            return null;
        }
        final ConfigValue value = parseValue(text.substring(eq + 1), where, problems);
        return value == null ? null : new SetOverride(path, value, text);
    }

    static String location(final String text)
    {
        return "--set '" + text + "'";
    }

    private static String expand(final String key, final List<String> parts, final Collection<String> devices, final String where,
        final List<Problem> problems)
    {
        final String first = parts.get(0);
        if (TopologyKeys.TOP_LEVEL.contains(first))
        {
            return key;
        }
        if (!devices.contains(first))
        {
            final List<String> names = new ArrayList<>(devices);
            problems.add(new Problem(where, "no device '" + first + "' in the topology",
                DidYouMean.hint(first, names, "devices") + "; to set a top-level key use its full path (" +
                    String.join(", ", TopologyKeys.TOP_LEVEL) + ")"));
            return null;
        }
        if (parts.size() == 1)
        {
            problems.add(new Problem(where, "'" + key + "' names a device, not one of its settings",
                "write <device>.<option>=value or <device>.pipeline=value, e.g. " + first + ".pipeline=2"));
            return null;
        }
        final List<String> full = new ArrayList<>(List.of(TopologyKeys.DEVICES, first));
        if (!TopologyKeys.DEVICE_LEVEL.contains(parts.get(1)))
        {
            full.add(TopologyKeys.OPTIONS);
        }
        full.addAll(parts.subList(1, parts.size()));
        return ConfigUtil.joinPath(full);
    }

    private static ConfigValue parseValue(final String text, final String where, final List<Problem> problems)
    {
        if (text.isBlank())
        {
            return ConfigValueFactory.fromAnyRef("", where);
        }
        try
        {
            final ConfigParseOptions options = ConfigParseOptions.defaults().setOriginDescription(where);
            final ConfigValue value = ConfigFactory.parseString("v = " + text, options).root().get("v");
            if (value == null)
            {
                problems.add(new Problem(where, "no value after '='", "quote it if it is a string: --set 'key=\"" + text + "\"'"));
            }
            return value;
        }
        catch (final ConfigException e)
        {
            problems.add(new Problem(where, "the value '" + text + "' does not parse: " + ConfigMessages.clean(e),
                "quote it if it is a string: --set 'key=\"" + text + "\"'"));
            return null;
        }
    }
}
