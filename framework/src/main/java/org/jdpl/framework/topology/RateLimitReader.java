package org.jdpl.framework.topology;

import java.util.List;
import java.util.Map;

import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import org.jdpl.framework.plan.RateLimit;

/**
 * Reads {@code rate-limit { timeframes-in-flight = N, smooth = true }}: how many timeframes sources
 * may have in flight, and whether they pace themselves. Every problem is reported; what is usable
 * is kept, so one mistake does not hide another.
 */
final class RateLimitReader
{
    private static final String IN_FLIGHT_HINT = "give a whole number of timeframes >= 1, e.g. " + TopologyKeys.RATE_LIMIT + "." +
        TopologyKeys.TIMEFRAMES_IN_FLIGHT + " = 8 (leave it out for no limit)";

    private RateLimitReader()
    {
    }

    /** The settings, {@link RateLimit#NONE} when absent; problems for unknown keys and bad values. */
    static RateLimit read(final ConfigValue value, final List<Problem> problems)
    {
        if (!TopologyValidator.checkIsBlock(value, TopologyKeys.RATE_LIMIT, problems) || value == null)
        {
            return RateLimit.NONE;
        }
        int inFlight = 0;
        boolean smooth = false;
        ConfigValue smoothValue = null;
        for (final Map.Entry<String, ConfigValue> entry : ((ConfigObject)value).entrySet())
        {
            final String key = entry.getKey();
            final ConfigValue v = entry.getValue();
            final String where = Locations.of(v.origin());
            if (TopologyKeys.TIMEFRAMES_IN_FLIGHT.equals(key))
            {
                inFlight = inFlight(v, where, problems);
            }
            else if (TopologyKeys.SMOOTH.equals(key))
            {
                smoothValue = v;
                smooth = smooth(v, where, problems);
            }
            else
            {
                problems.add(new Problem(where, "unknown key '" + TopologyKeys.RATE_LIMIT + "." + key + "'",
                    DidYouMean.hint(key, TopologyKeys.RATE_LIMIT_KEYS, "rate-limit keys")));
            }
        }
        if (smooth && !((ConfigObject)value).containsKey(TopologyKeys.TIMEFRAMES_IN_FLIGHT))
        {
            problems.add(new Problem(Locations.of(smoothValue.origin()), TopologyKeys.RATE_LIMIT + "." + TopologyKeys.SMOOTH +
                " needs a limit to pace within", "add " + TopologyKeys.RATE_LIMIT + "." + TopologyKeys.TIMEFRAMES_IN_FLIGHT + " = 8"));
        }
        return new RateLimit(inFlight, smooth && inFlight > 0);
    }

    private static int inFlight(final ConfigValue v, final String where, final List<Problem> problems)
    {
        final String name = TopologyKeys.RATE_LIMIT + "." + TopologyKeys.TIMEFRAMES_IN_FLIGHT;
        if (v.valueType() != ConfigValueType.NUMBER || !(v.unwrapped() instanceof Integer || v.unwrapped() instanceof Long))
        {
            problems.add(new Problem(where, name + " is not a whole number: " + OptionValidator.describe(v), IN_FLIGHT_HINT));
            return 0;
        }
        final long n = ((Number)v.unwrapped()).longValue();
        if (n < 1 || n > Integer.MAX_VALUE)
        {
            problems.add(new Problem(where, name + " must be at least 1, got " + n, IN_FLIGHT_HINT));
            return 0;
        }
        return (int)n;
    }

    private static boolean smooth(final ConfigValue v, final String where, final List<Problem> problems)
    {
        if (v.valueType() == ConfigValueType.BOOLEAN)
        {
            return (Boolean)v.unwrapped();
        }
        if (v.valueType() == ConfigValueType.STRING && ("true".equals(v.unwrapped()) || "false".equals(v.unwrapped())))
        {
            return "true".equals(v.unwrapped()); // what --set rate-limit.smooth=true yields
        }
        problems.add(new Problem(where, TopologyKeys.RATE_LIMIT + "." + TopologyKeys.SMOOTH + " is not a boolean: " +
            OptionValidator.describe(v), "write " + TopologyKeys.RATE_LIMIT + "." + TopologyKeys.SMOOTH + " = true or false"));
        return false;
    }
}
