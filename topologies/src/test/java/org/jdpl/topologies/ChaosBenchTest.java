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
 * A short {@code dpl bench chaos}: a few kill -9 of random devices of a running chain (restart and
 * expendable policies); every produced timeslice completed, dropped or lost where a device died on
 * its way, nothing left running or in /dev/shm, every key written.
 */
@Timeout(300)
class ChaosBenchTest
{
    @TempDir
    Path dir;

    @Test
    void shouldAccountForEveryTimesliceAndLeaveNothingWhenDevicesAreKilled() throws Exception
    {
        final ConsoleBuffer out = new ConsoleBuffer();
        final Path json = dir.resolve("chaos.json");

        // 15 s of chaos counted from when the chain is up; seed 21 draws its first gap at 4 s, so there is a kill.
        final int exit = Dpl.execute(new PrintWriter(out, true), new PrintWriter(out, true),
            "bench", "chaos", "--minutes", "0.25", "--kill-every", "3", "--seed", "21", "--json", json.toString());

        assertEquals(0, exit, out::toString);
        final JsonNode r = new ObjectMapper().readTree(json.toFile());
        assertTrue(r.path("chaos.kills").asLong() >= 1, r.toString());
        assertTrue(r.path("chaos.produced").asLong() > 0, r.toString());
        assertEquals(r.path("chaos.produced").asLong(),
            r.path("chaos.completed").asLong() + r.path("chaos.dropped").asLong() + r.path("chaos.lost").asLong(), r.toString());
        assertEquals(0, r.path("chaos.unaccounted").asLong(), out::toString);
        assertEquals(0, r.path("chaos.stalled").asLong(), out::toString);
        assertEquals(0, r.path("chaos.leftoverProcesses").asLong(), out::toString);
        assertEquals(0, r.path("chaos.leftoverShmBytes").asLong(), out::toString);
    }
}
