package org.jdpl.topologies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jdpl.transport.segment.PayloadSegment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Large payloads through the payload segment, in real device processes: read in place, fan-out
 * released exactly once, back-pressure on a full segment, and a killed consumer's holds reclaimed.
 */
@Timeout(120)
class SegmentRunTest
{
    private static final long MIB = 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void shouldCarryLargePayloadsThroughForwardersInTheSegment()
    {
        final RunFixture fixture = new RunFixture(dir);
        final Path topology = fixture.write("large.conf", """
            devices {
              source { use = counter-source, options { timeslices = 60, payload-bytes = 8M } }
              fwd    { use = forwarder, pipeline = 2 }
              sink   { use = checksum-sink }
            }
            """);

        final RunResult result = fixture.run(topology);

        assertEquals(0, result.exitCode(), result::describe);
        assertEquals(60, result.metric("sink.received"));
        assertEquals(0, result.metric("sink.missing") + result.metric("sink.duplicates") + result.metric("sink.corrupt"));
        assertEquals(60, result.metric("source.segment.refsOut"), "every payload went through the segment");
        assertEquals(60, result.metric("fwd.segment.refsOut"), "forwarders passed the references on");
        assertEquals(60, result.metric("sink.segment.refsIn"));
        assertEquals(0, result.metric("segment.usedBytesAtEnd"), "every block was released");
        assertEquals(0, result.metric("segment.reclaimedBlocks"), "nothing was left for the Driver to reclaim");
        RunFixture.assertNothingLeft(result);
    }

    @Test
    void shouldLetTheConsumerReadTheProducersBytesInPlace()
    {
        final RunFixture fixture = new RunFixture(dir);
        final Path topology = fixture.write("probe.conf", """
            devices {
              source { use = test-probe-source, options { timeslices = 50, payload-bytes = 1M } }
              sink   { use = test-probe-sink }
            }
            """);

        final RunResult result = fixture.run(topology);

        assertEquals(0, result.exitCode(), result::describe);
        assertEquals(50, result.metric("sink.inPlace"), "the sink's view maps the offset of the segment file the source wrote");
        assertEquals(0, result.metric("sink.copied"));
        assertEquals(0, result.metric("sink.corrupt"));
    }

    @Test
    void shouldKeepSmallPayloadsInline()
    {
        final RunFixture fixture = new RunFixture(dir);
        final Path topology = fixture.write("small.conf", """
            shm { inline-max = 64K }
            devices {
              source { use = test-probe-source, options { timeslices = 50, payload-bytes = 64K } }
              sink   { use = test-probe-sink }
            }
            """);

        final RunResult result = fixture.run(topology);

        assertEquals(0, result.exitCode(), result::describe);
        assertEquals(50, result.metric("sink.copied"), "payloads up to shm.inline-max travel inline in the message");
        assertEquals(0, result.metric("sink.inPlace"));
        assertEquals(0, result.metric("sink.corrupt"));
    }

    @Test
    void shouldReleaseAFannedOutPayloadExactlyOnce()
    {
        final RunFixture fixture = new RunFixture(dir);
        final Path topology = fixture.write("fanout.conf", """
            devices {
              source { use = test-probe-source, options { timeslices = 80, payload-bytes = 4M } }
              a { use = test-probe-sink }
              b { use = test-probe-sink }
              c { use = test-probe-sink, options { hold-ms = 2 } }
            }
            """);

        final RunResult result = fixture.run(topology);

        assertEquals(0, result.exitCode(), result::describe);
        for (final String sink : new String[] {"a", "b", "c"})
        {
            assertEquals(80, result.metric(sink + ".inPlace"), sink + " read the one shared copy");
        }
        assertEquals(80, result.metric("source.segment.refsOut"), "one block per timeslice for three consumers");
        assertEquals(0, result.metric("segment.usedBytesAtEnd"), "the last of the three releases freed each block");
        assertEquals(0, result.metric("segment.reclaimedBlocks"), "no hold was left over (nor released twice: that fails a device)");
    }

    @Test
    void shouldBlockTheProducerOnAFullSegmentAndResume()
    {
        final RunFixture fixture = new RunFixture(dir);
        final Path topology = fixture.write("full.conf", """
            shm { segment-size = 16M }
            devices {
              source { use = test-probe-source, options { timeslices = 40, payload-bytes = 4M } }
              sink   { use = test-probe-sink, options { hold-ms = 10 } }
            }
            """);

        final RunResult result = fixture.run(topology);

        assertEquals(0, result.exitCode(), result::describe);
        assertEquals(40, result.metric("sink.inPlace"), "nothing dropped");
        assertTrue(result.metric("source.segment.waits") > 0, "the source waited for space: " + result.summary().path("metrics"));
        assertTrue(result.metric("segment.waits") > 0);
        assertTrue(result.summary().path("devices").get(0).path("backPressureSeconds").asDouble() > 0,
            "segment waits count as back-pressure");
        assertEquals(0, result.metric("segment.usedBytesAtEnd"));
    }

    @Test
    void shouldReclaimACrashedDevicesHoldsBeforeItsRestart()
    {
        final RunFixture fixture = new RunFixture(dir);
        final Path topology = fixture.write("restart.conf", """
            devices {
              source { use = counter-source, options { timeslices = 400, payload-bytes = 1M, rate-hz = 1000 } }
              fwd    { use = forwarder, on-crash = restart, options { crash-at-timeslice = 100 } }
              sink   { use = checksum-sink, options { fail-on-error = false, expected-timeslices = 400 } }
            }
            """);

        final RunResult result = fixture.run(topology);

        assertEquals(0, result.exitCode(), result::describe);
        assertEquals(1, RunFixture.deviceOf(result, "fwd").path("restarts").asInt(), "the restarted forwarder took its slot again");
        assertTrue(result.metric("segment.reclaimedBlocks") >= 1, "the block the crashed forwarder was processing was reclaimed");
        assertTrue(result.metric("sink.received") > 100, "timeslices after the restart went through the segment too");
        assertEquals(0, result.metric("sink.corrupt") + result.metric("sink.duplicates"));
        assertEquals(0, result.metric("segment.usedBytesAtEnd"), "nothing leaked");
    }

    @Test
    void shouldReclaimWhatAKilledConsumerHeld() throws Exception
    {
        final RunFixture fixture = new RunFixture(dir);
        final Path topology = fixture.write("victim.conf", """
            shm { segment-size = 64M }
            devices {
              source { use = test-probe-source, options { timeslices = 0, payload-bytes = 4M } }
              sink   { use = test-probe-sink, options { hold-ms = 20 } }
            }
            """);

        final CompletableFuture<RunResult> run = CompletableFuture.supplyAsync(() -> fixture.run(topology));
        RunFixture.await("the sink to be running", 60_000, () ->
            fixture.console().lines().anyMatch(l -> l.startsWith("[source#0]") && l.contains("running")));
        final ProcessHandle victim = RunFixture.device("sink", 0);
        assertNotNull(victim, "sink process not found");
        final long fullSegmentBytes = 64 * MIB;
        // the slow sink lets the source fill the segment: the sink then holds (or is sent) most of it
        RunFixture.await("the segment to fill", 30_000, () -> segmentUsedBytes(fixture) > fullSegmentBytes / 2);
        victim.destroyForcibly();

        final RunResult result = run.get(60, TimeUnit.SECONDS);

        assertEquals("failed", result.status(), result::describe);
        assertTrue(result.metric("segment.reclaimedBlocks") > 0, "the Driver released the dead sink's holds");
        assertEquals(0, result.metric("segment.usedBytesAtEnd"), "free space returned to its starting value");
        RunFixture.assertNothingLeft(result);
    }

    /** Bytes in use in the run's segment, read by a short attachment of this process. */
    private static long segmentUsedBytes(final RunFixture fixture)
    {
        final Matcher run = Pattern.compile("^run (\\S+): ", Pattern.MULTILINE).matcher(fixture.console());
        if (!run.find())
        {
            return 0;
        }
        final Path file = Path.of("/dev/shm", "jdpl-" + run.group(1), "payload.segment");
        if (!Files.exists(file))
        {
            return 0;
        }
        try (PayloadSegment segment = PayloadSegment.open(file))
        {
            return segment.usedBytes();
        }
    }
}
