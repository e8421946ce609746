package org.jdpl.topologies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jdpl.tools.Dpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code dpl bench transport --quick} runs every step in real processes and writes every key (no timing asserted). */
@Timeout(240)
class TransportBenchTest
{
    @TempDir
    Path dir;

    @Test
    void shouldRunEveryStepAndWriteEveryKey() throws Exception
    {
        final ConsoleBuffer out = new ConsoleBuffer();
        final ConsoleBuffer err = new ConsoleBuffer();
        final Path json = dir.resolve("bench.json");

        final int exit = Dpl.execute(new PrintWriter(out, true), new PrintWriter(err, true),
            "bench", "transport", "--quick", "--json", json.toString());

        assertEquals(0, exit, () -> out + "\n" + err);
        final JsonNode results = new ObjectMapper().readTree(json.toFile());
        final List<String> keys = List.of("aeron.msgsPerSec", "jdpl.msgsPerSec", "ratio.small",
            "handoff.65536.medianMicros", "handoff.65536.p99Micros", "handoff.1048576.medianMicros", "handoff.1048576.p99Micros",
            "memcpy.65536.medianMicros", "memcpy.1048576.medianMicros", "fanout3.1048576.medianMicros", "chronicle.msgsPerSec",
            "ratio.wireSize", "inprocess.agrona.msgsPerSec", "inprocess.disruptor.msgsPerSec", "inprocess.agrona.ref.msgsPerSec",
            "inprocess.disruptor.ref.msgsPerSec", "segment.1048576.msgsPerSec", "segment.16777216.msgsPerSec");
        for (final String key : keys)
        {
            assertTrue(results.path(key).isNumber() && results.path(key).asDouble() > 0, key + " in " + results);
        }
        assertTrue(out.toString().contains("(b)/(a) = "), out::toString);
        assertTrue(out.toString().contains("hand-off/memcpy"), out::toString);
    }
}
