package org.jdpl.topologies;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code pipeline = auto}: a warm-up measures each auto device, and the run gets the replicas chosen. */
@Timeout(120)
class AutoPipelineRunTest
{
    @TempDir
    Path dir;

    @Test
    void shouldGiveTheSlowStageMoreReplicasBoundedByCoresAndMaxAndTheFastOneOne() throws IOException
    {
        final int cores = Runtime.getRuntime().availableProcessors();
        final RunFixture fixture = new RunFixture(dir);
        // slow and capped take at least 20 ms per timeslice; fast forwards in microseconds
        final Path topology = fixture.write("auto.conf", """
            devices {
              source { use = test-emitter, outputs = ["data:TST/DATA/0"], options { timeslices = 60 } }
              slow   { use = test-relay, pipeline = auto, pipeline-max = 4, inputs = ["in:TST/DATA/0"], outputs = ["out:TST/SLOW/0"],
                       options { hold-ms = 20 } }
              capped { use = test-relay, pipeline = auto, pipeline-max = 1, inputs = ["in:TST/SLOW/0"], outputs = ["out:TST/CAPPED/0"],
                       options { hold-ms = 20 } }
              fast   { use = test-relay, pipeline = auto, inputs = ["in:TST/CAPPED/0"], outputs = ["out:TST/FAST/0"] }
              sink   { use = test-recorder, inputs = ["in:TST/FAST/0"] }
            }
            """);

        final RunResult result = fixture.run(topology);

        assertEquals(0, result.exitCode(), result::describe);
        final JsonNode slow = choice(result, "slow");
        assertEquals(Math.min(4, cores), slow.path("replicas").asInt(), slow::toString);
        assertTrue(slow.path("msPerTf").asDouble() >= 20, "each call holds 20 ms: " + slow);
        final JsonNode capped = choice(result, "capped");
        assertEquals(1, capped.path("replicas").asInt(), "pipeline-max = 1 is honoured: " + capped);
        assertTrue(capped.path("msPerTf").asDouble() >= 20, capped::toString);
        assertEquals(1, choice(result, "fast").path("replicas").asInt(), "a stage under 1 ms per timeslice stays at one");
        assertEquals(Math.min(4, cores), replicasInSummary(result, "slow"), "the run has the replicas chosen");
        assertTrue(result.out().contains("pipeline = auto: slow → " + Math.min(4, cores)), result::describe);
        assertEquals(60, result.metric("sink.calls"));
        assertEquals(60, result.timeslices("completed"));
        assertEquals(0, result.timeslices("lost"));
        try (Stream<Path> runs = Files.list(fixture.runsDir()))
        {
            assertEquals(1, runs.count(), "the warm-up's run directory is removed");
        }
        RunFixture.assertNothingLeft(result);
    }

    private static JsonNode choice(final RunResult result, final String device)
    {
        for (final JsonNode choice : result.summary().path("autoPipeline"))
        {
            if (choice.path("device").asText().equals(device))
            {
                return choice;
            }
        }
        throw new AssertionError("no autoPipeline choice for '" + device + "' in " + result.summary().path("autoPipeline"));
    }

    private static int replicasInSummary(final RunResult result, final String device)
    {
        int replicas = 0;
        for (final JsonNode d : result.summary().path("devices"))
        {
            replicas += d.path("name").asText().equals(device) ? 1 : 0;
        }
        return replicas;
    }
}
