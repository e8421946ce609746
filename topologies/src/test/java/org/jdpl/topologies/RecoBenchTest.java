package org.jdpl.topologies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jdpl.tools.Dpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small {@code dpl bench reco} (two low densities, one timed event each): every key written, each step of
 * the chain timed on the timed event, quality figures from the scorer, and the scaling figure.
 */
@Timeout(300)
class RecoBenchTest
{
    @TempDir
    Path dir;

    @Test
    void shouldTimeEveryStepOfTheChainAtEachDensity() throws Exception
    {
        final ConsoleBuffer out = new ConsoleBuffer();
        final Path json = dir.resolve("reco.json");

        final int exit = Dpl.execute(new PrintWriter(out, true), new PrintWriter(out, true),
            "bench", "reco", "--particles", "100,300", "--events", "1", "--json", json.toString());

        assertEquals(0, exit, out::toString);
        final JsonNode r = new ObjectMapper().readTree(json.toFile());
        for (final String particles : new String[] {"100", "300"})
        {
            final String key = "reco." + particles + ".";
            for (final String device : new String[] {"cluster", "seeder", "finder", "fitter", "scorer"})
            {
                assertTrue(r.path(key + "msPerEvent." + device).asDouble() > 0, () -> device + " at " + particles + ": " + r);
            }
            assertTrue(r.path(key + "msPerEvent.total").asDouble() > r.path(key + "msPerEvent.seeder").asDouble(), r::toString);
            assertTrue(r.path(key + "hitsPerEvent").asDouble() > 10 * Integer.parseInt(particles) / 2, r::toString);
            assertTrue(r.path(key + "score").asDouble() > 0.9, r::toString);
            assertTrue(r.path(key + "efficiency").asDouble() > 0.9, r::toString);
            assertTrue(r.has(key + "fakeRate") && r.has(key + "duplicateRate"), r::toString);
        }
        assertTrue(r.path("reco.scaling").asDouble() > 0, r::toString);
        assertTrue(out.toString().contains("scaling (ms per hit at 300 over at 100 particles)"), out::toString);
    }
}
