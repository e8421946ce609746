package org.jdpl.framework.topology;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigResolveOptions;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import com.typesafe.config.ConfigValueType;

/**
 * Resolves {@code ${...}} substitutions of a merged topology: against the topology itself, then its
 * {@code vars { }} (so {@code ${n}} finds {@code vars.n}), then the environment. Every substitution
 * that cannot be resolved is reported with the variable's name, not just the first.
 */
final class SubstitutionResolver
{
    private static final Pattern SUBSTITUTION = Pattern.compile("\\$\\{\\??\\s*([^}]+?)\\s*}");

    private final Map<String, String> environment;

    SubstitutionResolver(final Map<String, String> environment)
    {
        this.environment = environment;
    }

    /** Resolves substitutions; unresolvable values are reported, recorded in {@code removed} and dropped. */
    Config resolve(final Config merged, final Set<String> removed, final List<Problem> problems)
    {
        Config source = merged;
        if (merged.root().get(TopologyKeys.VARS) instanceof ConfigObject vars)
        {
            source = source.withFallback(vars.toConfig());
        }
        source = source.withFallback(ConfigValueFactory.fromMap(environment).toConfig());
        final Config resolved;
        try
        {
            resolved = merged.resolveWith(source, ConfigResolveOptions.noSystem().setAllowUnresolved(true));
        }
        catch (final ConfigException e)
        {
            problems.add(new Problem(ConfigMessages.location(e, ""), ConfigMessages.clean(e), "check the ${...} substitutions"));
            return null;
        }
        if (resolved.isResolved())
        {
            return resolved;
        }
        final Map<String, ConfigValue> unresolved = new LinkedHashMap<>();
        collectUnresolved(resolved.root(), new ArrayList<>(), unresolved);
        Config cleaned = resolved;
        for (final Map.Entry<String, ConfigValue> entry : unresolved.entrySet())
        {
            problems.add(unresolvedProblem(entry.getValue()));
            removed.add(entry.getKey());
            cleaned = cleaned.withoutPath(entry.getKey());
        }
        return cleaned;
    }

    private static void collectUnresolved(final ConfigObject object, final List<String> prefix, final Map<String, ConfigValue> out)
    {
        for (final Map.Entry<String, ConfigValue> entry : object.entrySet())
        {
            final List<String> keys = new ArrayList<>(prefix);
            keys.add(entry.getKey());
            final String path = ConfigUtil.joinPath(keys);
            final ConfigValue value = entry.getValue();
            try
            {
                if (value.valueType() == ConfigValueType.OBJECT)
                {
                    collectUnresolved((ConfigObject)value, keys, out);
                }
                else if (value.valueType() == ConfigValueType.LIST)
                {
                    value.unwrapped();
                }
            }
            catch (final ConfigException.NotResolved e)
            {
                out.put(path, value);
            }
        }
    }

    private static Problem unresolvedProblem(final ConfigValue value)
    {
        final String text = value.render();
        final Matcher m = SUBSTITUTION.matcher(text);
        final List<String> names = new ArrayList<>();
        while (m.find())
        {
            names.add(m.group(1));
        }
        final String name = names.isEmpty() ? text : names.get(0);
        final String variables = names.isEmpty() ? text : "${" + String.join("}, ${", names) + "}";
        final String where = Locations.of(value.origin());
        final String message = "cannot resolve " + variables + ": no variable '" + name + "' is set";
        if (name.startsWith(TopologyKeys.VARS + "."))
        {
            return new Problem(where, message, "define it under vars { " + name.substring(TopologyKeys.VARS.length() + 1) + " = ... }");
        }
        if (name.contains("."))
        {
            return new Problem(where, message, "a dotted name refers to a path in the topology: check the path, or use a vars { } entry");
        }
        return new Problem(where, message, "set it in the environment (export " + name + "=...) or under vars { " + name + " = ... }; ${?" +
            name + "} makes it optional");
    }
}
