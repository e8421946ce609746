package org.jdpl.framework.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import org.jdpl.framework.spec.DataMatcher;
import org.jdpl.framework.spec.SpecParser;
import org.jdpl.framework.spec.SpecSyntaxException;

/**
 * Reads {@code channels { "ORIG/DESC" = chronicle }}: which edges are durable. A key is a matcher
 * of the producer's output spec; the value is {@value #CHRONICLE} (durable) or {@value #SHM} (the default).
 */
final class ChannelsReader
{
    static final String CHRONICLE = "chronicle";
    static final String SHM = "shm";

    private ChannelsReader()
    {
    }

    /** The matchers declared durable; problems for bad keys or kinds. A non-block was already reported. */
    static List<DataMatcher> durable(final ConfigValue channels, final List<Problem> problems)
    {
        final List<DataMatcher> durable = new ArrayList<>();
        if (!(channels instanceof ConfigObject block))
        {
            return durable;
        }
        for (final Map.Entry<String, ConfigValue> entry : block.entrySet())
        {
            final String where = Locations.of(entry.getValue().origin());
            final ConfigValue value = entry.getValue();
            final String kind = value.valueType() == ConfigValueType.STRING ? (String)value.unwrapped() : null;
            if (!CHRONICLE.equals(kind) && !SHM.equals(kind))
            {
                problems.add(new Problem(where, "channel '" + entry.getKey() + "' has an unknown kind " + OptionValidator.describe(value),
                    "write \"" + entry.getKey() + "\" = " + CHRONICLE + " (durable) or " + SHM + " (the default)"));
                continue;
            }
            final DataMatcher matcher;
            try
            {
                matcher = SpecParser.parseMatcher(entry.getKey());
            }
            catch (final SpecSyntaxException e)
            {
                problems.add(new Problem(where, "channel key '" + entry.getKey() + "' is not a data matcher: " + e.getMessage(),
                    "quote the key and write ORIGIN/DESCRIPTION, e.g. \"TRK/CLUSTERS\" = chronicle"));
                continue;
            }
            if (CHRONICLE.equals(kind))
            {
                durable.add(matcher);
            }
        }
        return List.copyOf(durable);
    }
}
