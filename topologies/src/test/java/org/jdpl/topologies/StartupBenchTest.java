package org.jdpl.topologies;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jdpl.tools.Dpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code dpl bench startup --repetitions 1}: both layouts run to the end and every figure is written, a
 * sane number (no timing is judged). This JVM has no AOT cache (Maven's class path has classes
 * directories), so only the {@code .noAot} figures are measured, and the bench says so.
 */
@Timeout(300)
class StartupBenchTest
{
    private static final List<String> FIGURES = List.of("startup.processes.msToFirstTimeframe", "startup.processes.msTotal",
        "startup.group.msToFirstTimeframe", "startup.group.msTotal", "rss.device.medianMiB", "pss.device.medianMiB", "rss.driver.MiB",
        "cpu.device.msMedian");

    @TempDir
    Path dir;

    @Test
    void shouldMeasureBothLayoutsAndWriteEveryFigure() throws Exception
    {
        final ConsoleBuffer out = new ConsoleBuffer();
        final Path json = dir.resolve("startup.json");

        final int exit = Dpl.execute(new PrintWriter(out, true), new PrintWriter(out, true),
            "bench", "startup", "--repetitions", "1", "--json", json.toString());

        assertEquals(0, exit, out::toString);
        final JsonNode r = new ObjectMapper().readTree(json.toFile());
        for (final String figure : FIGURES)
        {
            final double value = r.path(figure + ".noAot").asDouble(-1);
            assertTrue(value > 0 && Double.isFinite(value), figure + ".noAot: " + r);
            assertFalse(r.has(figure), figure + " needs the AOT cache this JVM does not have: " + r);
            assertTrue(out.toString().contains(figure), out::toString);
        }
        assertTrue(r.path("startup.processes.msToFirstTimeframe.noAot").asDouble() <= r.path("startup.processes.msTotal.noAot").asDouble(),
            "the first timeframe is done before the run ends: " + r);
        assertTrue(r.path("pss.device.medianMiB.noAot").asDouble() <= r.path("rss.device.medianMiB.noAot").asDouble(),
            "a process's proportional share of its pages is at most its resident set: " + r);
        assertTrue(out.toString().contains("measuring without the cache only"), out::toString);
    }
}
