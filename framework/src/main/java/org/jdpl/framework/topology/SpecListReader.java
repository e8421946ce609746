package org.jdpl.framework.topology;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import org.jdpl.framework.spec.SpecSyntaxException;

/**
 * Reads a device's {@code inputs} or {@code outputs}: the type's defaults, or the topology's list
 * that replaces them. An override keeps the type's labels, since the device looks its inputs and
 * outputs up by label; a type that declares none accepts any labels.
 *
 * @param <T> InputSpec or OutputSpec
 */
final class SpecListReader<T>
{
    private final String direction;
    private final Function<String, T> parser;
    private final Function<T, String> label;

    SpecListReader(final String direction, final Function<String, T> parser, final Function<T, String> label)
    {
        this.direction = direction;
        this.parser = parser;
        this.label = label;
    }

    /** The specs and where each is written, or null when any is bad (each problem reported). */
    Specs<T> read(final String device, final List<String> typeSpecs, final ConfigValue override, final String deviceOrigin,
        final List<Problem> problems)
    {
        final int before = problems.size();
        final List<T> specs = new ArrayList<>();
        final List<String> origins = new ArrayList<>();
        final List<T> typeDefaults = new ArrayList<>();
        for (final String text : typeSpecs)
        {
            final T spec = parse(device, text, deviceOrigin, problems);
            if (spec != null)
            {
                typeDefaults.add(spec);
            }
        }
        if (override == null)
        {
            specs.addAll(typeDefaults);
            typeDefaults.forEach(s -> origins.add(deviceOrigin));
        }
        else if (override.valueType() != ConfigValueType.LIST)
        {
            problems.add(new Problem(Locations.of(override.origin()), "device '" + device + "': " + direction + "s must be a list of specs",
                "write " + direction + "s = [\"label:ORIGIN/DESCRIPTION/SUBSPEC\"]"));
        }
        else
        {
            for (final ConfigValue element : (ConfigList)override)
            {
                final String where = Locations.of(element.origin());
                if (element.valueType() != ConfigValueType.STRING)
                {
                    problems.add(new Problem(where, "device '" + device + "': " + direction + " " + element.render() + " is not a spec string",
                        "write it as \"label:ORIGIN/DESCRIPTION/SUBSPEC\""));
                    continue;
                }
                final T spec = parse(device, (String)element.unwrapped(), where, problems);
                if (spec != null)
                {
                    specs.add(spec);
                    origins.add(where);
                }
            }
            if (problems.size() == before)
            {
                checkLabels(device, specs, origins, typeDefaults, Locations.of(override.origin()), problems);
            }
        }
        return problems.size() == before ? new Specs<>(specs, origins) : null;
    }

    private T parse(final String device, final String text, final String where, final List<Problem> problems)
    {
        try
        {
            return parser.apply(text);
        }
        catch (final SpecSyntaxException e)
        {
            problems.add(new Problem(where, "device '" + device + "': bad " + direction + " spec '" + text + "' at character " +
                (e.position() + 1) + " ('" + at(text, e.position()) + "'): " + e.reason(),
                "write it as label:ORIGIN/DESCRIPTION[/SUBSPEC][?lifetime=...], e.g. in:TST/DATA/0"));
            return null;
        }
    }

    private static String at(final String text, final int position)
    {
        return position < text.length() ? String.valueOf(text.charAt(position)) : "end";
    }

    private void checkLabels(final String device, final List<T> specs, final List<String> origins, final List<T> typeDefaults,
        final String listOrigin, final List<Problem> problems)
    {
        final Set<String> typeLabels = new LinkedHashSet<>();
        typeDefaults.forEach(s -> typeLabels.add(label.apply(s)));
        final Set<String> seen = new LinkedHashSet<>();
        boolean foreign = false;
        for (int i = 0; i < specs.size(); i++)
        {
            final String l = label.apply(specs.get(i));
            if (!seen.add(l))
            {
                problems.add(new Problem(origins.get(i), "device '" + device + "': " + direction + " label '" + l + "' appears twice",
                    "give each " + direction + " its own label"));
            }
            else if (!typeLabels.isEmpty() && !typeLabels.contains(l))
            {
                foreign = true;
                problems.add(new Problem(origins.get(i), "device '" + device + "': " + direction + " label '" + l +
                    "' is not one of the type's labels " + typeLabels,
                    "keep the type's labels and change only the spec after ':'" + suggestion(l, typeLabels)));
            }
        }
        for (final String l : typeLabels)
        {
            // A renamed label is one mistake, already reported above; do not report it twice.
            if (!foreign && !seen.contains(l))
            {
                problems.add(new Problem(listOrigin, "device '" + device + "': " + direction + "s lack the type's label '" + l + "'",
                    "the device looks its " + direction + "s up by label: keep all of " + typeLabels));
            }
        }
    }

    private static String suggestion(final String wrong, final Set<String> labels)
    {
        final String best = DidYouMean.closest(wrong, labels);
        return best == null ? "" : " (did you mean '" + best + "'?)";
    }

    /** Parsed specs with where each was written. */
    record Specs<T>(List<T> specs, List<String> origins)
    {
    }
}
