package org.jdpl.framework.topology;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;

/**
 * Reads topology files into one configuration: parses each file (includes relative to it), merges
 * them (a device may be declared in only one file, and changed by a later one in an
 * {@code amend { }} block, see {@link DeviceAmendments}; for other keys later files win), applies
 * {@code --set} overrides, and resolves substitutions against the configuration, then its
 * {@code vars { }}, then the environment. Every problem found on the way is added to the list.
 */
final class TopologyLoader
{
    private final SubstitutionResolver resolver;

    TopologyLoader(final Map<String, String> environment)
    {
        this.resolver = new SubstitutionResolver(environment);
    }

    LoadedTopology load(final List<Path> files, final List<String> sets, final List<Problem> problems)
    {
        boolean complete = true;
        final List<String> sources = new ArrayList<>();
        final Map<String, String> deviceOrigins = new LinkedHashMap<>();
        Config merged = ConfigFactory.empty();
        final List<Path> seen = new ArrayList<>();
        final DeviceAmendments amendments = new DeviceAmendments();
        for (final Path file : files)
        {
            sources.add(file.toString());
            if (givenBefore(file, seen))
            {
                problems.add(new Problem(file.toString(), "the file is given twice", "give each topology file once"));
                complete = false;
                continue;
            }
            seen.add(file);
            Config config = parse(file, problems);
            if (config == null)
            {
                complete = false;
                continue;
            }
            config = dropDuplicateDevices(config, deviceOrigins, problems);
            merged = amendments.apply(config, DeviceAmendments.withoutAmendments(config).withFallback(merged), deviceOrigins, problems);
        }
        // A file that did not parse may have declared what a later one amends: no second problem about that.
        complete = complete && amendments.finish(deviceOrigins, problems);
        merged = applyOverrides(merged, sets, deviceOrigins, problems);
        final Set<String> removed = new LinkedHashSet<>();
        final Config resolved = resolver.resolve(merged, removed, problems);
        if (resolved == null)
        {
            return new LoadedTopology(ConfigFactory.empty(), removed, deviceOrigins, sources, false);
        }
        return new LoadedTopology(resolved, removed, deviceOrigins, sources, complete && removed.isEmpty());
    }

    private static boolean givenBefore(final Path file, final List<Path> seen)
    {
        for (final Path earlier : seen)
        {
            try
            {
                if (Files.isSameFile(earlier, file))
                {
                    return true;
                }
            }
            catch (final IOException e)
            {
                // Either is missing: reported when it is parsed, and not the same file as the other.
            }
        }
        return false;
    }

    private static Config parse(final Path file, final List<Problem> problems)
    {
        final String where = file.toString();
        if (!Files.exists(file))
        {
            problems.add(new Problem(where, "no such file", "check the path (relative paths start at " +
                Path.of("").toAbsolutePath() + ")"));
            return null;
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file))
        {
            problems.add(new Problem(where, Files.isDirectory(file) ? "is a directory, not a topology file" : "cannot read the file",
                "give the path of a readable .conf file"));
            return null;
        }
        try
        {
            return ConfigFactory.parseFile(file.toFile(), StrictIncluder.optionsFor(file));
        }
        catch (final ConfigException e)
        {
            problems.add(new Problem(ConfigMessages.location(e, where), ConfigMessages.clean(e), syntaxHint(e)));
            return null;
        }
    }

    private static String syntaxHint(final ConfigException e)
    {
        if (e.getMessage() != null && e.getMessage().contains("include cycle"))
        {
            return "files may not include each other in a circle: remove one of these includes";
        }
        if (e instanceof ConfigException.IO)
        {
            return "check the path: an include is relative to the file that includes it";
        }
        return "fix the syntax (HOCON: key = value, blocks in { }, lists in [ ])";
    }

    /** Records where each device is declared; a device already declared in an earlier file is reported and dropped. */
    private static Config dropDuplicateDevices(final Config config, final Map<String, String> deviceOrigins, final List<Problem> problems)
    {
        final ConfigValue devices = config.root().get(TopologyKeys.DEVICES);
        if (!(devices instanceof ConfigObject object))
        {
            return config;
        }
        final List<Map.Entry<String, ConfigValue>> declared = new ArrayList<>(object.entrySet());
        declared.sort(Comparator.comparingInt(e -> e.getValue().origin().lineNumber()));
        Config kept = config;
        for (final Map.Entry<String, ConfigValue> device : declared)
        {
            final String name = device.getKey();
            final String here = Locations.of(device.getValue().origin());
            final String earlier = deviceOrigins.putIfAbsent(name, here);
            if (earlier != null)
            {
                problems.add(new Problem(here, "device '" + name + "' is declared twice: at " + earlier + " and at " + here,
                    "rename one of them (device names are unique across all the topology's files); to change a device an earlier " +
                        "file declared, put the changes in amend { " + name + " { ... } }"));
                kept = kept.withoutPath(TopologyKeys.DEVICES + "." + ConfigUtil.quoteString(name));
            }
        }
        return kept;
    }

    private static Config applyOverrides(final Config merged, final List<String> sets, final Map<String, String> deviceOrigins,
        final List<Problem> problems)
    {
        Config config = merged;
        for (final String text : sets)
        {
            final SetOverride override = SetOverride.parse(text, deviceOrigins.keySet(), problems);
            if (override == null)
            {
                continue;
            }
            final List<String> parts = ConfigUtil.splitPath(override.path());
            final String scalar = scalarOnTheWay(config, parts);
            if (scalar != null)
            {
                problems.add(new Problem(SetOverride.location(text), "cannot set '" + override.path() + "': '" + scalar +
                    "' is a value, not a block { }", "set '" + scalar + "' itself, or a key inside a block"));
                continue;
            }
            config = config.withValue(override.path(), override.value());
            if (parts.size() > 1 && parts.get(0).equals(TopologyKeys.DEVICES))
            {
                deviceOrigins.putIfAbsent(parts.get(1), SetOverride.location(text));
            }
        }
        return config;
    }

    /** The first proper prefix of {@code parts} that holds a value other than a block, or null. */
    private static String scalarOnTheWay(final Config config, final List<String> parts)
    {
        ConfigObject at = config.root();
        for (int i = 0; i < parts.size() - 1; i++)
        {
            final ConfigValue value = at.get(parts.get(i));
            if (value == null)
            {
                return null;
            }
            if (!(value instanceof ConfigObject object))
            {
                return ConfigUtil.joinPath(parts.subList(0, i + 1));
            }
            at = object;
        }
        return null;
    }
}
