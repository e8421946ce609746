package org.jdpl.gpu.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import com.typesafe.config.ConfigValue;
import org.jdpl.framework.catalog.DeviceCatalog;
import org.jdpl.framework.catalog.DeviceType;

/**
 * A service file ({@code dpl serve FILE}), read and checked once:
 * <pre>
 * name = seeds                      # what clients ask for (service-step's service option)
 * step = gpu-seeder                 # or gpu-clusterizer
 * gpu { backend = auto, index = 0, memory = 64M }   # memory: the pool of each instance
 * instances = 2                     # execution contexts on that GPU
 * max-batch = 4                     # requests one instance takes together
 * max-queue-delay = 2ms             # how long an instance waits to fill a batch
 * options { pt-min = 0.5 }          # the step's options, as in a topology
 * </pre>
 * Every bad value is one line naming the file and the line of the value.
 *
 * @param stepOptions the step's options with its defaults behind them
 */
public record ServiceConfig(Path file, String name, ServiceStep step, String backend, int gpuIndex, long memoryBytes, int instances,
    int maxBatch, long maxQueueDelayNs, Config stepOptions)
{
    public static final int MAX_INSTANCES = 16;
    public static final int MAX_BATCH = 64;
    private static final Set<String> KEYS = Set.of("name", "step", "gpu", "instances", "max-batch", "max-queue-delay", "options");
    private static final Set<String> GPU_KEYS = Set.of("backend", "index", "memory");
    private static final Duration MAX_QUEUE_DELAY = Duration.ofSeconds(1);

    /** @throws ServiceConfigException saying where and what */
    public static ServiceConfig load(final Path file)
    {
        if (!Files.isRegularFile(file))
        {
            throw new ServiceConfigException(file + ": no such file; give the service's HOCON file (see docs/gpu-service.md)");
        }
        final Config config;
        try
        {
            config = ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setSyntax(ConfigSyntax.CONF).setAllowMissing(false))
                .resolve();
        }
        catch (final ConfigException e)
        {
            throw new ServiceConfigException(where(e.origin(), file) + ": " + stripOrigin(e.getMessage()));
        }
        return new Reader(file, config).read();
    }

    public long maxQueueDelayMs()
    {
        return TimeUnit.NANOSECONDS.toMillis(maxQueueDelayNs);
    }

    private static String where(final ConfigOrigin origin, final Path file)
    {
        final int line = origin == null ? -1 : origin.lineNumber();
        return line > 0 ? file + ":" + line : file.toString();
    }

    private static String stripOrigin(final String message)
    {
        // Typesafe Config starts its messages with "file: line: "; we say where ourselves.
        return message.replaceFirst("^.*?: -?[0-9]+: ", "");
    }

    /** One read of one file: each check names the line of the value it rejects. */
    private record Reader(Path file, Config config)
    {
        ServiceConfig read()
        {
            for (final Map.Entry<String, ConfigValue> e : config.root().entrySet())
            {
                if (!KEYS.contains(e.getKey()))
                {
                    throw bad(e.getKey(), "unknown key '" + e.getKey() + "'; a service file has " + String.join(", ", KEYS.stream().sorted().toList()));
                }
            }
            final String name = string("name", null);
            if (!name.matches("[a-z0-9][a-z0-9-]{0,47}"))
            {
                throw bad("name", "name = '" + name + "': use lower-case letters, digits and '-' (at most 48), it becomes a file name");
            }
            final String stepName = string("step", null);
            final ServiceStep step = ServiceStep.of(stepName);
            if (step == null)
            {
                throw bad("step", "step = '" + stepName + "' is not a GPU step a service runs; use gpu-seeder or gpu-clusterizer");
            }
            if (config.hasPath("gpu"))
            {
                for (final String key : config.getConfig("gpu").root().keySet())
                {
                    if (!GPU_KEYS.contains(key))
                    {
                        throw bad("gpu." + key, "unknown key 'gpu." + key + "'; gpu has backend, index, memory");
                    }
                }
            }
            final String backend = string("gpu.backend", "auto");
            final int index = (int)ranged("gpu.index", 0, 0, 1023);
            final long memoryBytes = bytes("gpu.memory", 64L << 20);
            final int instances = (int)ranged("instances", 1, 1, MAX_INSTANCES);
            final int maxBatch = (int)ranged("max-batch", 1, 1, MAX_BATCH);
            final long delayNs = delay();
            return new ServiceConfig(file, name, step, backend, index, memoryBytes, instances, maxBatch,
                delayNs, stepOptions(step));
        }

        private Config stepOptions(final ServiceStep step)
        {
            final DeviceType type = DeviceCatalog.load().find(step.deviceType());
            if (type == null)
            {
                throw new ServiceConfigException(file + ": the device type " + step.deviceType() + " is not on the class path");
            }
            final Config options = config.hasPath("options") ? config.getConfig("options") : ConfigFactory.empty();
            for (final String key : options.root().keySet())
            {
                if (type.option(key) == null)
                {
                    throw bad("options." + key, "'" + key + "' is not an option of " + step.deviceType() + "; `dpl devices " +
                        step.deviceType() + "` lists them");
                }
            }
            return options.withFallback(type.defaults()).resolve();
        }

        private String string(final String path, final String fallback)
        {
            if (!config.hasPath(path))
            {
                if (fallback == null)
                {
                    throw new ServiceConfigException(file + ": '" + path + "' is missing; a service file needs name and step");
                }
                return fallback;
            }
            try
            {
                return config.getString(path);
            }
            catch (final ConfigException.WrongType e)
            {
                throw bad(path, path + " must be a string");
            }
        }

        private long ranged(final String path, final long fallback, final long min, final long max)
        {
            if (!config.hasPath(path))
            {
                return fallback;
            }
            final long value;
            try
            {
                value = config.getLong(path);
            }
            catch (final ConfigException.WrongType e)
            {
                throw bad(path, path + " = " + config.getValue(path).render() + " is not a whole number; give one from " + min + " to " + max);
            }
            if (value < min || value > max)
            {
                throw bad(path, path + " = " + value + " is out of range; give one from " + min + " to " + max);
            }
            return value;
        }

        private long bytes(final String path, final long fallback)
        {
            if (!config.hasPath(path))
            {
                return fallback;
            }
            final long value;
            try
            {
                value = config.getBytes(path);
            }
            catch (final ConfigException.BadValue | ConfigException.WrongType e)
            {
                throw bad(path, path + " = " + config.getValue(path).render() + " is not a size; write e.g. 64M");
            }
            if (value < 64 << 10)
            {
                throw bad(path, path + " = " + value + " bytes is too small for a GPU memory pool; give at least 64K");
            }
            return value;
        }

        private long delay()
        {
            if (!config.hasPath("max-queue-delay"))
            {
                return 0;
            }
            final Duration value;
            try
            {
                value = config.getDuration("max-queue-delay");
            }
            catch (final ConfigException.BadValue | ConfigException.WrongType e)
            {
                throw bad("max-queue-delay", "max-queue-delay = " + config.getValue("max-queue-delay").render() +
                    " is not a duration; write e.g. 2ms");
            }
            if (value.isNegative() || value.compareTo(MAX_QUEUE_DELAY) > 0)
            {
                throw bad("max-queue-delay", "max-queue-delay = " + value.toMillis() + " ms is out of range; give 0 to 1s");
            }
            return value.toNanos();
        }

        private ServiceConfigException bad(final String path, final String message)
        {
            ConfigOrigin origin;
            try
            {
                origin = config.getValue(path).origin();
            }
            catch (final ConfigException e)
            {
                origin = null; // a key no path can name (quoted dots): the file alone
            }
            return new ServiceConfigException(where(origin, file) + ": " + message);
        }
    }
}
