package org.jdpl.framework.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.jdpl.framework.spec.Lifetime;
import org.junit.jupiter.api.Test;

/** docs/topology.md names every key the topology readers accept (as {@code `key`}), so a new key cannot go undocumented. */
class TopologyDocKeysTest
{
    @Test
    void shouldNameEveryKeyTheReadersAccept() throws Exception
    {
        final String doc = Files.readString(Path.of("..", "docs", "topology.md"));
        final List<String> keys = Stream.of(TopologyKeys.TOP_LEVEL, List.of(TopologyKeys.AMEND), TopologyKeys.DEVICE_LEVEL,
            TopologyKeys.RESTART_KEYS, TopologyKeys.SHM_KEYS, TopologyKeys.RATE_LIMIT_KEYS, NetReader.KEYS, GpuKeyReader.KEYS,
            JvmKeyReader.KEYS, List.of(HostPlacer.ADDRESS), List.of("lifetime", "period", "ticks")).flatMap(List::stream).toList();
        final List<String> missing = new ArrayList<>();
        for (final String key : keys)
        {
            if (!doc.contains("`" + key + "`"))
            {
                missing.add(key);
            }
        }
        for (final Lifetime lifetime : Lifetime.values())
        {
            if (!doc.contains("`" + lifetime.text() + "`"))
            {
                missing.add("lifetime " + lifetime.text());
            }
        }
        assertEquals(List.of(), missing, "keys docs/topology.md does not name");
    }
}
