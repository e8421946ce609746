package org.jdpl.topologies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Process groups run for real: devices declared with the same {@code process} share one JVM and
 * feed each other through in-process rings, with the same results as in processes of their own,
 * fewer processes in the summary, and the death of the shared JVM named as the group's.
 */
@Timeout(240)
class ProcessGroupRunTest
{
    @TempDir
    Path dir;

    @Test
    void shouldReconstructTheSameWithTheChainInOneProcess() throws IOException
    {
        final String recoSim = Files.readString(Path.of("reco-sim.conf").toAbsolutePath());
        final String[] settings = {"--set", "sim.events=4", "--set", "sim.events-per-timeframe=2"};
        final RunFixture alone = new RunFixture(Files.createDirectories(dir.resolve("alone")));
        final RunResult ungrouped = alone.run(alone.write("reco-sim.conf", recoSim), settings);
        final RunFixture together = new RunFixture(Files.createDirectories(dir.resolve("grouped")));
        final RunResult grouped = together.run(together.write("reco-sim-grouped.conf", recoSim + """
            devices.cluster.process = reco
            devices.seeder.process = reco
            devices.finder.process = reco
            devices.fitter.process = reco
            """), settings);

        assertEquals(0, ungrouped.exitCode(), ungrouped::describe);
        assertEquals(0, grouped.exitCode(), grouped::describe);
        final Map<String, Double> scores = physics(ungrouped);
        assertTrue(scores.get("score") > 0.9, ungrouped::describe);
        assertEquals(scores, physics(grouped), "the same scores with and without the group");
        assertEquals(timeslices(ungrouped), timeslices(grouped));

        assertEquals(7, ungrouped.summary().path("processes").size(), "one process per device");
        final JsonNode processes = grouped.summary().path("processes");
        assertEquals(4, processes.size(), "sim, the reco group, scorer, qc: " + processes);
        final JsonNode reco = processByName(grouped, "reco#0");
        assertEquals(List.of("cluster#0", "seeder#0", "finder#0", "fitter#0"), texts(reco.path("devices")));
        assertEquals(7, grouped.summary().path("devices").size(), "a summary line per device, grouped or not");
        for (final String member : List.of("cluster", "seeder", "finder", "fitter"))
        {
            assertEquals(reco.path("pid").asLong(), RunFixture.deviceOf(grouped, member).path("pid").asLong(), member);
        }
        assertTrue(grouped.out().lines().anyMatch(l -> l.startsWith("reco#0 ") && l.endsWith("cluster#0 seeder#0 finder#0 fitter#0")),
            "the printed summary lists the group's process:\n" + grouped.out());
        assertTrue(grouped.out().contains("4 processes for 7 device replicas"), grouped.out());
        System.out.printf("reco-sim RSS max, summed over processes: %.1f MB in 7 processes, %.1f MB in 4 (cluster..fitter grouped)%n",
            rssTotal(ungrouped) / 1e6, rssTotal(grouped) / 1e6);
        RunFixture.assertNothingLeft(grouped);
    }

    @Test
    void shouldCarrySegmentPayloadsThroughAGroupByReference()
    {
        final RunFixture fixture = new RunFixture(dir);
        final Path topology = fixture.write("large-grouped.conf", """
            devices {
              source { use = counter-source, options { timeslices = 60, payload-bytes = 2M } }
              fwd    { use = forwarder, pipeline = 2, process = chain }
              fwd2   { use = forwarder, pipeline = 2, process = chain, inputs = ["in:TST/FORWARD/0"], outputs = ["out:TST/AGAIN/0"] }
              sink   { use = checksum-sink, inputs = ["in:TST/AGAIN"] }
            }
            """);

        final RunResult result = fixture.run(topology);

        assertEquals(0, result.exitCode(), result::describe);
        assertEquals(60, result.metric("sink.received"));
        assertEquals(0, result.metric("sink.missing") + result.metric("sink.duplicates") + result.metric("sink.corrupt"));
        assertEquals(60, result.metric("source.segment.refsOut"), "every payload went through the segment");
        assertEquals(60, result.metric("fwd.segment.refsOut"), "forwarders passed the references on, through the rings");
        assertEquals(60, result.metric("fwd2.segment.refsIn"));
        assertEquals(60, result.metric("fwd2.segment.refsOut"));
        assertEquals(60, result.metric("sink.segment.refsIn"));
        assertEquals(0, result.metric("segment.usedBytesAtEnd"), "every block was released");
        assertEquals(0, result.metric("segment.reclaimedBlocks"), "nothing was left for the Driver to reclaim");
        assertEquals(4, result.summary().path("processes").size(), "source, chain#0, chain#1, sink");
        assertEquals(List.of("fwd#1", "fwd2#1"), texts(processByName(result, "chain#1").path("devices")));
        RunFixture.assertNothingLeft(result);
    }

    @Test
    void shouldFailTheRunNamingTheGroupAndItsDevicesWhenItsProcessIsKilled() throws Exception
    {
        final RunFixture fixture = new RunFixture(dir);
        final Path topology = fixture.write("endless-grouped.conf", """
            devices {
              source { use = counter-source, options { timeslices = 0, payload-bytes = 1024, rate-hz = 2000 } }
              fwd    { use = forwarder, process = tail }
              sink   { use = checksum-sink, process = tail }
            }
            """);

        final CompletableFuture<RunResult> run = CompletableFuture.supplyAsync(() -> fixture.run(topology));
        RunFixture.await("the group to be running", 60_000, () ->
            fixture.console().lines().anyMatch(l -> l.startsWith("[tail#0]") && l.contains("sink: running")));
        final ProcessHandle victim = RunFixture.device("tail", 0);
        assertNotNull(victim, "the process of group tail not found");
        victim.destroyForcibly(); // SIGKILL

        final RunResult result = run.get(60, TimeUnit.SECONDS);

        assertEquals(1, result.exitCode(), result::describe);
        assertEquals("failed", result.status());
        final String failure = result.summary().path("failure").asText();
        assertTrue(failure.contains("process group 'tail' (devices fwd, sink; replica 0, pid " + victim.pid() + ")"), failure);
        assertTrue(failure.contains("SIGKILL"), failure);
        for (final String member : List.of("fwd", "sink"))
        {
            assertEquals("FAILED", RunFixture.deviceOf(result, member).path("state").asText(), member + " died with its group");
        }
        RunFixture.assertNothingLeft(result);
    }

    /** The scorer's figures of merit (not its timings, which differ from run to run). */
    @Test
    void shouldEndTheGroupWhenOneOfItsDevicesFails()
    {
        final RunFixture fixture = new RunFixture(dir);
        final Path topology = fixture.write("failing-grouped.conf", """
            devices {
              source { use = counter-source, options { timeslices = 0, payload-bytes = 1024, rate-hz = 1000 } }
              fwd    { use = forwarder, process = tail, options { fail-every = 50 } }
              sink   { use = checksum-sink, process = tail }
            }
            """);

        final RunResult result = fixture.run(topology);

        assertEquals(1, result.exitCode(), result::describe);
        final String failure = result.summary().path("failure").asText();
        assertTrue(failure.contains("process group 'tail' (devices fwd, sink; replica 0"), failure);
        assertTrue(failure.contains("device 'fwd' failed in process"), failure);
        assertEquals("FAILED", RunFixture.deviceOf(result, "fwd").path("state").asText());
        assertEquals("STOPPED", RunFixture.deviceOf(result, "sink").path("state").asText(), "closed with its failed group mate");
        RunFixture.assertNothingLeft(result);
    }

    private static Map<String, Double> physics(final RunResult result)
    {
        final Map<String, Double> metrics = new TreeMap<>();
        for (final String name : List.of("events", "tracks", "score", "timeframeScore", "efficiency", "fakeRate", "duplicateRate",
            "ptResolution"))
        {
            metrics.put(name, result.metric("scorer." + name));
        }
        return metrics;
    }

    private static String timeslices(final RunResult result)
    {
        return result.timeslices("produced") + " produced, " + result.timeslices("completed") + " completed, " +
            result.timeslices("dropped") + " dropped, " + result.timeslices("lost") + " lost";
    }

    private static JsonNode processByName(final RunResult result, final String name)
    {
        for (final JsonNode process : result.summary().path("processes"))
        {
            if (process.path("name").asText().equals(name))
            {
                return process;
            }
        }
        throw new AssertionError("no process '" + name + "' in " + result.summary().path("processes"));
    }

    private static long rssTotal(final RunResult result)
    {
        long total = 0;
        for (final JsonNode process : result.summary().path("processes"))
        {
            total += process.path("rssMaxBytes").asLong();
        }
        return total;
    }

    private static List<String> texts(final JsonNode array)
    {
        final List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
