package org.jdpl.framework.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import org.jdpl.framework.catalog.DeviceCatalog;
import org.jdpl.framework.plan.ProcessGroup;

/**
 * Checks a loaded topology against the device catalog and reports every problem; the devices that
 * pass become the logical {@link Topology}. Whole-graph checks run only when every device and file
 * was usable, so that one mistake is not reported again as its consequences.
 */
final class TopologyValidator
{
    private final DeviceCatalog catalog;

    TopologyValidator(final DeviceCatalog catalog)
    {
        this.catalog = catalog;
    }

    Topology validate(final LoadedTopology loaded, final List<Problem> problems)
    {
        final Config config = loaded.config();
        final String firstFile = loaded.sources().isEmpty() ? "" : loaded.sources().get(0);
        checkTopLevelKeys(config, problems);
        final long inlineMaxBytes = checkShm(config, problems);
        for (final String key : List.of(TopologyKeys.CHANNELS, TopologyKeys.VARS))
        {
            checkIsBlock(config.root().get(key), key, problems);
        }
        final List<TopologyDevice> devices = new ArrayList<>();
        final ConfigValue declared = config.root().get(TopologyKeys.DEVICES);
        boolean allUsable = loaded.complete();
        if (declared == null || declared instanceof ConfigObject o && o.isEmpty())
        {
            if (loaded.complete() && !loaded.removedPaths().contains(TopologyKeys.DEVICES))
            {
                problems.add(new Problem(declared == null ? firstFile : Locations.of(declared.origin()), "the topology declares no devices",
                    "add devices { <name> { use = <device type> } }"));
            }
            allUsable = false;
        }
        else if (!(declared instanceof ConfigObject deviceBlock))
        {
            checkIsBlock(declared, TopologyKeys.DEVICES, problems);
            allUsable = false;
        }
        else
        {
            final DeviceValidator validator = new DeviceValidator(catalog, loaded.removedPaths(), problems);
            for (final Map.Entry<String, String> entry : loaded.deviceOrigins().entrySet())
            {
                final ConfigValue value = deviceBlock.get(entry.getKey());
                if (value == null)
                {
                    continue;
                }
                final TopologyDevice device = validator.validate(entry.getKey(), value, entry.getValue());
                if (device == null)
                {
                    allUsable = false;
                }
                else
                {
                    devices.add(device);
                }
            }
        }
        if (allUsable)
        {
            GraphValidator.check(devices, problems);
        }
        final List<ProcessGroup> groups = declared instanceof ConfigObject deviceBlock
            ? ProcessGroupReader.read(deviceBlock, devices, problems) : List.of();
        return new Topology(devices, inlineMaxBytes, loaded.sources(), segmentSize(config),
            ChannelsReader.durable(config.root().get(TopologyKeys.CHANNELS), problems), groups,
            RateLimitReader.read(config.root().get(TopologyKeys.RATE_LIMIT), problems));
    }

    private static void checkTopLevelKeys(final Config config, final List<Problem> problems)
    {
        for (final Map.Entry<String, ConfigValue> entry : config.root().entrySet())
        {
            final String key = entry.getKey();
            if (!TopologyKeys.TOP_LEVEL.contains(key))
            {
                final String suggestion = DidYouMean.closest(key, TopologyKeys.TOP_LEVEL);
                problems.add(new Problem(Locations.of(entry.getValue().origin()), "unknown top-level key '" + key + "'",
                    (suggestion == null ? "" : "did you mean '" + suggestion + "'? ") + "put your own variables under vars { } (top-level keys: " +
                        String.join(", ", TopologyKeys.TOP_LEVEL) + ")"));
            }
        }
    }

    private static long checkShm(final Config config, final List<Problem> problems)
    {
        final ConfigValue shm = config.root().get(TopologyKeys.SHM);
        if (!checkIsBlock(shm, TopologyKeys.SHM, problems) || shm == null)
        {
            return TopologyKeys.DEFAULT_INLINE_MAX_BYTES;
        }
        final ConfigObject block = (ConfigObject)shm;
        long inlineMax = TopologyKeys.DEFAULT_INLINE_MAX_BYTES;
        for (final Map.Entry<String, ConfigValue> entry : block.entrySet())
        {
            final String key = entry.getKey();
            final String where = Locations.of(entry.getValue().origin());
            if (!TopologyKeys.SHM_KEYS.contains(key))
            {
                problems.add(new Problem(where, "unknown key 'shm." + key + "'", DidYouMean.hint(key, TopologyKeys.SHM_KEYS, "shm keys")));
                continue;
            }
            final long bytes = size(block.toConfig(), key, where, problems);
            if (TopologyKeys.INLINE_MAX.equals(key) && bytes > 0)
            {
                inlineMax = bytes;
            }
        }
        return inlineMax;
    }

    /** The checked shm.segment-size (checkShm reported any problem), or 0 for the default. */
    private static long segmentSize(final Config config)
    {
        try
        {
            final long bytes = config.hasPath(TopologyKeys.SHM + "." + TopologyKeys.SEGMENT_SIZE) ?
                config.getBytes(TopologyKeys.SHM + "." + TopologyKeys.SEGMENT_SIZE) : 0;
            return Math.max(0, bytes);
        }
        catch (final ConfigException e)
        {
            return 0;
        }
    }

    private static long size(final Config shm, final String key, final String where, final List<Problem> problems)
    {
        final String hint = "give a positive size in bytes, e.g. shm." + key + " = " +
            (TopologyKeys.INLINE_MAX.equals(key) ? "64K" : "1G") + " (units: K, M, G)";
        try
        {
            final long bytes = OptionValidator.bytes(shm, ConfigUtil.quoteString(key));
            if (bytes <= 0)
            {
                problems.add(new Problem(where, "shm." + key + " must be positive, got " + bytes, hint));
            }
            return bytes;
        }
        catch (final ConfigException.WrongType | ConfigException.BadValue e)
        {
            problems.add(new Problem(where, "shm." + key + " is not a size: " + OptionValidator.describe(shm.getValue(ConfigUtil.quoteString(key))), hint));
            return -1;
        }
    }

    /** Reports a value that should be a block { }; true when it is one or absent. */
    static boolean checkIsBlock(final ConfigValue value, final String key, final List<Problem> problems)
    {
        if (value == null || value instanceof ConfigObject)
        {
            return true;
        }
        problems.add(new Problem(Locations.of(value.origin()), "'" + key + "' must be a block { }, not " + OptionValidator.describe(value),
            "write " + key + " { ... }"));
        return false;
    }
}
