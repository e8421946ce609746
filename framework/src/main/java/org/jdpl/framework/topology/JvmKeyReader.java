package org.jdpl.framework.topology;

import java.util.List;
import java.util.Map;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;

/**
 * Reads a device's {@code jvm} block: what its process needs of the JVM beyond the defaults every
 * device process gets. Today that is its heap ({@code jvm { heap = 2G }}); the default is small,
 * because many device processes share one machine and most devices need little heap.
 */
final class JvmKeyReader
{
    static final String HEAP = "heap";
    static final List<String> KEYS = List.of(HEAP);
    /** Below this a device JVM does not start its runner (Aeron client, segment, counters). */
    static final long MIN_HEAP_BYTES = 16L << 20;
    private static final String SHAPE = "write jvm { heap = 2G } (a memory size, at least 16M)";

    private final List<Problem> problems;

    JvmKeyReader(final List<Problem> problems)
    {
        this.problems = problems;
    }

    /** The heap the device asks for in bytes; 0 when it asks for nothing or its block is wrong (each problem reported). */
    long heapBytes(final String name, final ConfigValue value)
    {
        if (value == null)
        {
            return 0;
        }
        final String where = Locations.of(value.origin());
        if (!(value instanceof ConfigObject block))
        {
            problems.add(new Problem(where, "device '" + name + "': jvm must be a block, not " + OptionValidator.describe(value), SHAPE));
            return 0;
        }
        for (final Map.Entry<String, ConfigValue> entry : block.entrySet())
        {
            if (!KEYS.contains(entry.getKey()))
            {
                problems.add(new Problem(Locations.of(entry.getValue().origin()), "device '" + name + "': unknown key 'jvm." +
                    entry.getKey() + "'", DidYouMean.hint(entry.getKey(), KEYS, "jvm keys")));
            }
        }
        final ConfigValue heap = block.get(HEAP);
        if (heap == null)
        {
            return 0;
        }
        final long bytes;
        try
        {
            bytes = block.toConfig().getBytes(HEAP);
        }
        catch (final ConfigException e)
        {
            problems.add(new Problem(Locations.of(heap.origin()), "device '" + name + "': bad jvm.heap " + OptionValidator.describe(heap) +
                ": not a memory size", SHAPE));
            return 0;
        }
        if (bytes < MIN_HEAP_BYTES)
        {
            problems.add(new Problem(Locations.of(heap.origin()), "device '" + name + "': jvm.heap = " + bytes + " bytes is too small",
                SHAPE));
            return 0;
        }
        return bytes;
    }
}
