package org.jdpl.topologies;

import java.io.PrintWriter;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jdpl.tools.Dpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A short {@code dpl bench soak}: timeframes through a segment far smaller than the data in flight
 * (producers wait on it), every one completed, no segment byte leaked, every key written.
 */
@Timeout(180)
class SoakBenchTest
{
    @TempDir
    Path dir;

    @Test
    void shouldLoseNothingAndLeakNothingThroughATooSmallSegment() throws Exception
    {
        final ConsoleBuffer out = new ConsoleBuffer();
        final Path json = dir.resolve("soak.json");

        final int exit = Dpl.execute(new PrintWriter(out, true), new PrintWriter(out, true),
            "bench", "soak", "--timeframes", "4000", "--json", json.toString());

        assertEquals(0, exit, out::toString);
        final JsonNode r = new ObjectMapper().readTree(json.toFile());
        assertEquals(4000, r.path("timeslices.completed").asLong());
        assertEquals(0, r.path("timeslices.lost").asLong());
        assertEquals(0, r.path("segment.leakedBytes").asLong());
        assertTrue(r.path("segment.waits").asLong() > 0, "the segment was full at times: " + r);
        assertTrue(r.has("rss.startBytes") && r.has("rss.endBytes"), r.toString());
    }
}
