package org.jdpl.topologies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jdpl.tools.Dpl;
import org.jdpl.tools.cluster.FakeCluster;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dpl bench net --quick} between two fake hosts: raw Aeron UDP and jdpl, both sizes, every key
 * written (no timing asserted). Skips where no fake cluster can be built.
 */
@Timeout(150)
class NetBenchTest
{
    @TempDir
    Path dir;

    @Test
    void shouldMeasureRawAeronAndJdplBetweenTwoHosts() throws Exception
    {
        final FakeCluster cluster;
        try
        {
            cluster = FakeCluster.upOrJoin(2);
        }
        catch (final FakeCluster.Unavailable ex)
        {
            Assumptions.abort("no fake cluster on this machine, so no network bench: " + ex.getMessage());
            return;
        }
        try (cluster)
        {
            final ConsoleBuffer out = new ConsoleBuffer();
            final ConsoleBuffer err = new ConsoleBuffer();
            final Path json = dir.resolve("net.json");

            final int exit = Dpl.execute(new PrintWriter(out, true), new PrintWriter(err, true),
                "bench", "net", "--quick", "--json", json.toString());

            assertEquals(0, exit, () -> out + "\n" + err);
            final JsonNode results = new ObjectMapper().readTree(json.toFile());
            for (final String key : List.of("aeronUdp.msgsPerSec", "aeronUdp.mibPerSec", "jdpl.msgsPerSec", "jdpl.mibPerSec", "ratio.net",
                "aeronUdp.wireSize.msgsPerSec", "ratio.netWireSize"))
            {
                assertTrue(results.path(key).isNumber() && results.path(key).asDouble() > 0, key + " in " + results);
            }
            assertTrue(out.toString().contains("ratio.net = "), out::toString);
        }
    }
}
