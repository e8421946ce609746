package org.jdpl.framework.topology;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import org.jdpl.framework.gpu.GpuReplica;

/**
 * Reads a device's {@code gpu} key. It is either a scalar, the GPU index alone ({@code gpu = auto},
 * {@code gpu = 1}), or a block ({@code gpu { index = auto, share = false, backend = auto, memory = 64M }},
 * which HOCON also lets one write as {@code gpu.memory = 256M}). The scalar and the block cannot be
 * mixed in one device: HOCON would let the later replace the earlier.
 */
final class GpuKeyReader
{
    static final String INDEX = "index";
    static final String SHARE = "share";
    static final String BACKEND = "backend";
    static final String MEMORY = "memory";
    static final List<String> KEYS = List.of(INDEX, SHARE, BACKEND, MEMORY);
    static final String AUTO = "auto";
    static final long DEFAULT_MEMORY_BYTES = 64L << 20;
    private static final String SHAPES = "write gpu = auto, gpu = <index> (0, 1, ...), or gpu { index = auto, share = false, " +
        "backend = auto, memory = 64M }";

    private final List<Problem> problems;

    GpuKeyReader(final List<Problem> problems)
    {
        this.problems = problems;
    }

    /**
     * @param impliedByType whether the device type needs a GPU (then no key means {@code gpu = auto})
     * @return the request, or null when the device has no GPU (or its key is wrong, each problem reported)
     */
    GpuRequest read(final String name, final ConfigValue value, final boolean impliedByType, final String deviceOrigin)
    {
        if (value == null)
        {
            return impliedByType ? new GpuRequest(GpuReplica.AUTO, false, AUTO, DEFAULT_MEMORY_BYTES, deviceOrigin) : null;
        }
        final String where = Locations.of(value.origin());
        if (value instanceof ConfigObject block)
        {
            return block(name, block, where);
        }
        final Integer index = index(name, value, "gpu", where);
        return index == null ? null : new GpuRequest(index, false, AUTO, DEFAULT_MEMORY_BYTES, where);
    }

    private GpuRequest block(final String name, final ConfigObject block, final String where)
    {
        boolean ok = true;
        for (final Map.Entry<String, ConfigValue> entry : block.entrySet())
        {
            if (!KEYS.contains(entry.getKey()))
            {
                problems.add(new Problem(Locations.of(entry.getValue().origin()), "device '" + name + "': unknown key 'gpu." +
                    entry.getKey() + "'", DidYouMean.hint(entry.getKey(), KEYS, "gpu keys")));
                ok = false;
            }
        }
        final ConfigValue indexValue = block.get(INDEX);
        final Integer index = indexValue == null ? Integer.valueOf(GpuReplica.AUTO) :
            index(name, indexValue, "gpu.index", Locations.of(indexValue.origin()));
        final Config config = block.toConfig();
        boolean share = false;
        String backend = AUTO;
        long memoryBytes = DEFAULT_MEMORY_BYTES;
        try
        {
            if (config.hasPath(SHARE))
            {
                share = config.getBoolean(SHARE);
            }
            if (config.hasPath(BACKEND))
            {
                backend = config.getString(BACKEND).strip().toLowerCase(Locale.ROOT);
            }
            if (config.hasPath(MEMORY))
            {
                memoryBytes = config.getBytes(MEMORY);
            }
        }
        catch (final ConfigException e)
        {
            problems.add(new Problem(Locations.of(e.origin() != null ? e.origin() : block.origin()), "device '" + name +
                "': bad gpu setting: " + ConfigMessages.clean(e), SHAPES));
            return null;
        }
        if (memoryBytes <= 0)
        {
            problems.add(new Problem(Locations.of(block.get(MEMORY).origin()), "device '" + name + "': gpu.memory = " + memoryBytes +
                " bytes is not a memory size", "give the GPU memory pool a positive size, e.g. gpu.memory = 256M"));
            ok = false;
        }
        return ok && index != null ? new GpuRequest(index, share, backend, memoryBytes, where) : null;
    }

    private Integer index(final String name, final ConfigValue value, final String key, final String where)
    {
        final Object raw = value.unwrapped();
        if (value.valueType() == ConfigValueType.STRING || value.valueType() == ConfigValueType.NUMBER)
        {
            try
            {
                return GpuReplica.parseRequest(String.valueOf(raw));
            }
            catch (final IllegalArgumentException e)
            {
                // Reported below, with the key's location.
            }
        }
        problems.add(new Problem(where, "device '" + name + "': bad " + key + " " + OptionValidator.describe(value) +
            ": neither auto nor a GPU index (0, 1, ...)", SHAPES));
        return null;
    }
}
