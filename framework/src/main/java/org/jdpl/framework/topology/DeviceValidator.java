package org.jdpl.framework.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import org.jdpl.framework.catalog.DeviceCatalog;
import org.jdpl.framework.catalog.DeviceType;
import org.jdpl.framework.plan.Completion;
import org.jdpl.framework.plan.FailurePolicy;
import org.jdpl.framework.plan.PlanLimits;
import org.jdpl.framework.spec.InputSpec;
import org.jdpl.framework.spec.Lifetime;
import org.jdpl.framework.spec.OutputSpec;
import org.jdpl.framework.spec.SpecParser;

/** Checks one device block of a topology: its name, keys, type, options, specs, pipeline, completion and idle strategy. */
final class DeviceValidator
{
    private static final List<String> COMPLETIONS = List.of("all", "any", "ordered");
    private static final List<String> IDLE_STRATEGIES = List.of("backoff", "busy-spin");
    private static final List<String> ON_CRASH = List.of("stop", "restart", "expendable");
    private static final List<String> ON_ERROR = List.of("fail", "skip-timeframe");
    private static final SpecListReader<InputSpec> INPUTS = new SpecListReader<>("input", SpecParser::parseInput, InputSpec::label);
    private static final SpecListReader<OutputSpec> OUTPUTS = new SpecListReader<>("output", SpecParser::parseOutput, OutputSpec::label);

    private final DeviceCatalog catalog;
    private final Set<String> removedPaths;
    private final List<Problem> problems;

    DeviceValidator(final DeviceCatalog catalog, final Set<String> removedPaths, final List<Problem> problems)
    {
        this.catalog = catalog;
        this.removedPaths = removedPaths;
        this.problems = problems;
    }

    /** The validated device, or null when its type or specs are unusable (each problem reported). */
    TopologyDevice validate(final String name, final ConfigValue value, final String origin)
    {
        if (!TopologyKeys.DEVICE_NAME.matcher(name).matches())
        {
            problems.add(new Problem(origin, "bad device name '" + name + "'",
                "a device name starts with a lower-case letter, then lower-case letters, digits or '-', at most 32 characters"));
        }
        if (!(value instanceof ConfigObject device))
        {
            problems.add(new Problem(origin, "device '" + name + "' must be a block, not " + OptionValidator.describe(value),
                "write " + name + " { use = <device type> }"));
            return null;
        }
        checkKeys(name, device);
        final DeviceType type = type(name, device, origin);
        final int replicas = pipeline(name, device);
        final int autoPipelineMax = autoPipelineMax(name, device);
        final String completion = choice(name, device.get(TopologyKeys.COMPLETION), TopologyKeys.COMPLETION, COMPLETIONS);
        final String idle = choice(name, device.get(TopologyKeys.IDLE), TopologyKeys.IDLE, IDLE_STRATEGIES);
        final FailurePolicy policy = failurePolicy(name, device);
        if (type == null)
        {
            return null;
        }
        final Config options = options(name, type, device.get(TopologyKeys.OPTIONS));
        final SpecListReader.Specs<InputSpec> inputs =
            INPUTS.read(name, type.factory().inputs(), device.get(TopologyKeys.INPUTS), origin, problems);
        final SpecListReader.Specs<OutputSpec> outputs =
            OUTPUTS.read(name, type.factory().outputs(), device.get(TopologyKeys.OUTPUTS), origin, problems);
        final GpuRequest gpu = new GpuKeyReader(problems).read(name, device.get(TopologyKeys.GPU), type.factory().usesGpu(), origin);
        final long heapBytes = new JvmKeyReader(problems).heapBytes(name, device.get(TopologyKeys.JVM));
        if (inputs == null || outputs == null)
        {
            return null;
        }
        if (autoPipelineMax > 0 && inputs.specs().stream().allMatch(i -> i.lifetime() == Lifetime.TIMER))
        {
            problems.add(new Problem(Locations.of(device.get(TopologyKeys.PIPELINE).origin()), "device '" + name +
                "': pipeline = auto needs a device with inputs to deal timeslices to; a source makes its own", "remove pipeline = auto"));
        }
        for (final String placed : List.of(TopologyKeys.GPU, TopologyKeys.PROCESS, TopologyKeys.HOST, TopologyKeys.HOSTS))
        {
            // The warm-up resizes a device after GPUs, process groups and hosts were given out per replica.
            if (autoPipelineMax > 0 && (device.containsKey(placed) || placed.equals(TopologyKeys.GPU) && type.factory().usesGpu()))
            {
                problems.add(new Problem(Locations.of(device.get(TopologyKeys.PIPELINE).origin()), "device '" + name +
                    "': pipeline = auto does not go with " + placed + " yet", "give the number of replicas (pipeline = 2)"));
            }
        }
        return new TopologyDevice(name, type.name(), replicas, Completion.valueOf(completion.toUpperCase(Locale.ROOT)), idle, policy, options,
            inputs.specs(), inputs.origins(), outputs.specs(), outputs.origins(), origin, gpu, autoPipelineMax, heapBytes);
    }

    private void checkKeys(final String name, final ConfigObject device)
    {
        for (final Map.Entry<String, ConfigValue> entry : device.entrySet())
        {
            final String key = entry.getKey();
            final String where = Locations.of(entry.getValue().origin());
            if (TopologyKeys.DEVICE_LEVEL_LATER.contains(key))
            {
                problems.add(new Problem(where, "device '" + name + "': '" + key + "' is not supported yet", "remove it"));
            }
            else if (!TopologyKeys.DEVICE_LEVEL.contains(key))
            {
                problems.add(new Problem(where, "device '" + name + "': unknown key '" + key + "'",
                    DidYouMean.hint(key, TopologyKeys.DEVICE_LEVEL, "device keys") + "; options go under options { }"));
            }
        }
    }

    private DeviceType type(final String name, final ConfigObject device, final String origin)
    {
        final ConfigValue use = device.get(TopologyKeys.USE);
        if (use == null)
        {
            if (!removedPaths.contains(path(name, TopologyKeys.USE)))
            {
                problems.add(new Problem(origin, "device '" + name + "' has no 'use'",
                    "say which device type it is: use = <type>; types: " + String.join(", ", catalog.names())));
            }
            return null;
        }
        final String where = Locations.of(use.origin());
        if (use.valueType() != ConfigValueType.STRING)
        {
            problems.add(new Problem(where, "device '" + name + "': use must name a device type, not " + OptionValidator.describe(use),
                "types: " + String.join(", ", catalog.names())));
            return null;
        }
        final String typeName = (String)use.unwrapped();
        final DeviceType type = catalog.find(typeName);
        if (type == null)
        {
            problems.add(new Problem(where, "device '" + name + "': unknown device type '" + typeName + "'",
                DidYouMean.hint(typeName, catalog.names(), "types") + "; dpl devices lists them"));
        }
        return type;
    }

    private Config options(final String name, final DeviceType type, final ConfigValue value)
    {
        if (value == null)
        {
            return type.defaults();
        }
        if (!(value instanceof ConfigObject object))
        {
            problems.add(new Problem(Locations.of(value.origin()), "device '" + name + "': options must be a block { }, not " +
                OptionValidator.describe(value), "write options { name = value }"));
            return ConfigFactory.empty().withFallback(type.defaults());
        }
        return OptionValidator.validate(name, type, object, problems);
    }

    private int pipeline(final String name, final ConfigObject device)
    {
        final ConfigValue value = device.get(TopologyKeys.PIPELINE);
        if (value == null)
        {
            return 1;
        }
        final String where = Locations.of(value.origin());
        if (TopologyKeys.PIPELINE_AUTO.equals(value.unwrapped()))
        {
            return 1; // the warm-up before the run chooses; until then, one
        }
        final double n;
        try
        {
            // getNumber also takes "3", as an environment substitution gives it.
            n = device.toConfig().getNumber(TopologyKeys.PIPELINE).doubleValue();
        }
        catch (final ConfigException.WrongType | ConfigException.BadValue e)
        {
            problems.add(new Problem(where, "device '" + name + "': pipeline must be a whole number of replicas, got " +
                OptionValidator.describe(value), "e.g. pipeline = 2"));
            return 1;
        }
        if (n != Math.rint(n) || n > Integer.MAX_VALUE)
        {
            problems.add(new Problem(where, "device '" + name + "': pipeline must be a whole number of replicas, got " +
                OptionValidator.describe(value), "e.g. pipeline = 2"));
            return 1;
        }
        if (n < 1)
        {
            problems.add(new Problem(where, "device '" + name + "': pipeline = " + OptionValidator.number(n) + " is less than 1",
                "pipeline is the number of replicas, at least 1"));
            return 1;
        }
        if (n > PlanLimits.MAX_REPLICAS)
        {
            problems.add(new Problem(where, "device '" + name + "': pipeline = " + OptionValidator.number(n) + " is more than the " +
                PlanLimits.MAX_REPLICAS + " replicas a device may have", "give at most pipeline = " + PlanLimits.MAX_REPLICAS +
                " (each replica is a JVM of its own), or pipeline = auto to let a warm-up choose"));
            return 1;
        }
        return (int)n;
    }

    /** {@code pipeline = auto [pipeline-max = N]}: N (default {@value TopologyKeys#DEFAULT_PIPELINE_MAX}); 0 for a fixed pipeline. */
    private int autoPipelineMax(final String name, final ConfigObject device)
    {
        final ConfigValue pipeline = device.get(TopologyKeys.PIPELINE);
        final boolean auto = pipeline != null && TopologyKeys.PIPELINE_AUTO.equals(pipeline.unwrapped());
        final ConfigValue max = device.get(TopologyKeys.PIPELINE_MAX);
        if (max == null)
        {
            return auto ? TopologyKeys.DEFAULT_PIPELINE_MAX : 0;
        }
        final String where = Locations.of(max.origin());
        if (!auto)
        {
            problems.add(new Problem(where, "device '" + name + "': pipeline-max goes with pipeline = auto",
                "write pipeline = auto, or drop pipeline-max and give the number of replicas (pipeline = 2)"));
            return 0;
        }
        double n = 0;
        try
        {
            // getNumber also takes "3", as --set and environment substitutions give it.
            n = device.toConfig().getNumber(TopologyKeys.PIPELINE_MAX).doubleValue();
        }
        catch (final ConfigException.WrongType | ConfigException.BadValue e)
        {
            n = 0;
        }
        if (n != Math.rint(n) || n < 1 || n > PlanLimits.MAX_REPLICAS)
        {
            problems.add(new Problem(where, "device '" + name + "': pipeline-max must be a whole number of replicas, at least 1 and at most " +
                PlanLimits.MAX_REPLICAS + ", got " + OptionValidator.describe(max), "e.g. pipeline-max = 4"));
            return TopologyKeys.DEFAULT_PIPELINE_MAX;
        }
        return (int)n;
    }

    private FailurePolicy failurePolicy(final String name, final ConfigObject device)
    {
        final String onCrash = choice(name, device.get(TopologyKeys.ON_CRASH), TopologyKeys.ON_CRASH, ON_CRASH);
        final String onError = choice(name, device.get(TopologyKeys.ON_ERROR), TopologyKeys.ON_ERROR, ON_ERROR);
        int restartMax = FailurePolicy.DEFAULT.restartMax();
        long restartWindowMs = FailurePolicy.DEFAULT.restartWindowMs();
        final ConfigValue restart = device.get(TopologyKeys.RESTART);
        if (restart instanceof ConfigObject block)
        {
            for (final Map.Entry<String, ConfigValue> entry : block.entrySet())
            {
                if (!TopologyKeys.RESTART_KEYS.contains(entry.getKey()))
                {
                    problems.add(new Problem(Locations.of(entry.getValue().origin()), "device '" + name + "': unknown key 'restart." +
                        entry.getKey() + "'", DidYouMean.hint(entry.getKey(), TopologyKeys.RESTART_KEYS, "restart keys")));
                }
            }
            final Config config = block.toConfig();
            try
            {
                if (config.hasPath(TopologyKeys.RESTART_MAX))
                {
                    restartMax = config.getInt(TopologyKeys.RESTART_MAX);
                }
                if (config.hasPath(TopologyKeys.RESTART_WINDOW))
                {
                    restartWindowMs = config.getDuration(TopologyKeys.RESTART_WINDOW).toMillis();
                }
            }
            catch (final ConfigException e)
            {
                problems.add(new Problem(Locations.of(e.origin() != null ? e.origin() : block.origin()), "device '" + name +
                    "': bad restart setting: " + ConfigMessages.clean(e), "e.g. restart { max = 3, window = 60s }"));
            }
            // Each at its own key's line: in a multi-line block the block's line is not where the mistake is.
            if (restartMax < 1)
            {
                problems.add(new Problem(Locations.of(block.get(TopologyKeys.RESTART_MAX).origin()), "device '" + name +
                    "': restart.max must be at least 1", "e.g. restart { max = 3, window = 60s }"));
            }
            if (restartWindowMs <= 0)
            {
                problems.add(new Problem(Locations.of(block.get(TopologyKeys.RESTART_WINDOW).origin()), "device '" + name +
                    "': restart.window must be positive", "e.g. restart { max = 3, window = 60s }"));
            }
        }
        else if (restart != null)
        {
            problems.add(new Problem(Locations.of(restart.origin()), "device '" + name + "': restart must be a block, not " +
                OptionValidator.describe(restart), "e.g. restart { max = 3, window = 60s }"));
        }
        return new FailurePolicy(FailurePolicy.OnCrash.valueOf(onCrash.toUpperCase(Locale.ROOT)), restartMax, restartWindowMs,
            FailurePolicy.OnError.valueOf(onError.toUpperCase(Locale.ROOT).replace('-', '_')), silentAfterMs(name, device));
    }

    /** {@code silent-after = 30s}: a duration of at least a second (a heartbeat is published about twice a second); 0 when absent. */
    private long silentAfterMs(final String name, final ConfigObject device)
    {
        final ConfigValue value = device.get(TopologyKeys.SILENT_AFTER);
        if (value == null)
        {
            return 0;
        }
        long ms = -1;
        try
        {
            ms = device.toConfig().getDuration(TopologyKeys.SILENT_AFTER).toMillis();
        }
        catch (final ConfigException e)
        {
            ms = -1;
        }
        if (ms < 1000)
        {
            problems.add(new Problem(Locations.of(value.origin()), "device '" + name + "': silent-after must be a duration of at least 1s, got " +
                OptionValidator.describe(value), "e.g. silent-after = 30s (longer than the device's slowest timeframe)"));
            return 0;
        }
        return ms;
    }

    private String choice(final String name, final ConfigValue value, final String key, final List<String> choices)
    {
        if (value == null)
        {
            return choices.get(0);
        }
        final Object raw = value.unwrapped();
        if (raw instanceof String s && choices.contains(s))
        {
            return s;
        }
        final String wrong = String.valueOf(raw);
        problems.add(new Problem(Locations.of(value.origin()), "device '" + name + "': bad " + key + " '" + wrong + "'",
            DidYouMean.hint(wrong, choices, "one of")));
        return choices.get(0);
    }

    private static String path(final String device, final String key)
    {
        return ConfigUtil.joinPath(new ArrayList<>(List.of(TopologyKeys.DEVICES, device, key)));
    }
}
