package org.jdpl.topologies;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** source → forwarder → checksum-sink in real device processes over Aeron IPC. */
@Timeout(120)
class ChainRunTest
{
    @TempDir
    Path dir;

    @Test
    void shouldDeliverEveryTimesliceExactlyOnceThroughAChain()
    {
        final RunFixture fixture = new RunFixture(dir);
        final Path topology = fixture.write("chain.conf", """
            devices {
              source { use = counter-source, options { timeslices = 3000, payload-bytes = 256 } }
              fwd    { use = forwarder }
              sink   { use = checksum-sink }
            }
            """);

        final RunResult result = fixture.run(topology);

        assertEquals(0, result.exitCode(), result::describe);
        assertEquals("ok", result.status());
        assertEquals(3000, result.metric("sink.received"));
        assertEquals(0, result.metric("sink.missing"));
        assertEquals(0, result.metric("sink.duplicates"));
        assertEquals(0, result.metric("sink.corrupt"));
        assertEquals(3000, result.timeslices("produced"));
        assertEquals(3000, result.timeslices("completed"));
        assertEquals(0, result.timeslices("dropped"));
        assertEquals(0, result.timeslices("lost"));
        RunFixture.assertNothingLeft(result);
    }

    @Test
    void shouldRunAChainWithADeviceSplicedInByASecondFile()
    {
        final RunFixture fixture = new RunFixture(dir);
        final Path chain = fixture.write("chain.conf", """
            devices {
              source { use = counter-source, options { timeslices = 500, payload-bytes = 4K } }
              fwd    { use = forwarder }
              sink   { use = checksum-sink }
            }
            shm { inline-max = 1K }   # payloads travel through the segment: each device counts its references
            """);
        final Path splice = fixture.write("splice.conf", """
            devices {
              filter { use = forwarder, inputs = ["in:TST/SPLICED"] }
            }
            amend {
              fwd { outputs = ["out:TST/SPLICED/0"] }
            }
            """);

        final RunResult result = fixture.run(chain, splice.toString());

        assertEquals(0, result.exitCode(), result::describe);
        assertEquals(500, result.metric("sink.received"));
        assertEquals(0, result.metric("sink.missing") + result.metric("sink.duplicates") + result.metric("sink.corrupt"));
        final JsonNode filter = RunFixture.deviceOf(result, "filter");
        assertEquals(500, filter.path("timeslicesIn").asLong(), filter.toString());
        assertEquals(500, filter.path("timeslicesOut").asLong(), filter.toString());
        assertEquals(500, result.metric("filter.segment.refsIn"), "the spliced device's metrics are in the summary");
        assertEquals(500, result.metric("filter.segment.refsOut"));
        assertEquals(500, RunFixture.deviceOf(result, "sink").path("timeslicesIn").asLong());
        RunFixture.assertNothingLeft(result);
    }

    @Test
    void shouldDealTimeslicesAmongThreeReplicasAndMergeThemDownstream()
    {
        final RunFixture fixture = new RunFixture(dir);
        final Path topology = fixture.write("pipeline.conf", """
            devices {
              source { use = counter-source, options { timeslices = 3000, payload-bytes = 256 } }
              fwd    { use = forwarder, pipeline = 3 }
              sink   { use = checksum-sink }
            }
            """);

        final RunResult result = fixture.run(topology);

        assertEquals(0, result.exitCode(), result::describe);
        assertEquals(3000, result.metric("sink.received"));
        assertEquals(0, result.metric("sink.missing") + result.metric("sink.duplicates") + result.metric("sink.corrupt"));
        long dealt = 0;
        int replicas = 0;
        for (final var device : result.summary().path("devices"))
        {
            if (device.path("name").asText().equals("fwd"))
            {
                replicas++;
                // timeslice t goes to replica t mod 3: each replica gets exactly a third
                assertEquals(1000, device.path("timeslicesIn").asLong(), device.toString());
                dealt += device.path("timeslicesIn").asLong();
            }
        }
        assertEquals(3, replicas);
        assertEquals(3000, dealt);
        assertTrue(result.out().contains("[fwd#2]"), "device log lines carry the device name");
        RunFixture.assertNothingLeft(result);
    }
}
