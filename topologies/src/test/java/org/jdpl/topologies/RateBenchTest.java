package org.jdpl.topologies;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jdpl.tools.Dpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code dpl bench rate --quick}: both modes run to the end and every figure is written, a sane number (no timing is judged). */
@Timeout(180)
class RateBenchTest
{
    @TempDir
    Path dir;

    @Test
    void shouldMeasureBothModesAndWriteEveryKey() throws Exception
    {
        final ConsoleBuffer out = new ConsoleBuffer();
        final Path json = dir.resolve("rate.json");

        final int exit = Dpl.execute(new PrintWriter(out, true), new PrintWriter(out, true),
            "bench", "rate", "--quick", "--json", json.toString(), "--samples", dir.resolve("s").toString());

        assertEquals(0, exit, out::toString);
        final JsonNode r = new ObjectMapper().readTree(json.toFile());
        final double limit = r.path("limit").asDouble();
        for (final String mode : new String[] {"plain", "smooth"})
        {
            final double stddev = r.path("inflight.stddev." + mode).asDouble(-1);
            final double mean = r.path("inflight.mean." + mode).asDouble(-1);
            final double throughput = r.path("throughput." + mode).asDouble(-1);
            assertTrue(stddev >= 0 && stddev <= limit, mode + " stddev: " + r);
            assertTrue(mean >= 0 && mean <= limit + 1, mode + " mean in flight, at most the limit (+1 for counters read a moment apart): " + r);
            assertTrue(throughput > 0 && Double.isFinite(throughput), mode + " throughput: " + r);
            assertTrue(Files.readAllLines(dir.resolve("s-" + mode + ".tsv")).size() > 10, mode + " samples written");
        }
        assertTrue(r.has("inflight.stddev.ratio") && r.has("throughput.ratio"), r.toString());
        assertTrue(out.toString().contains("smooth/plain"), out::toString);
    }
}
