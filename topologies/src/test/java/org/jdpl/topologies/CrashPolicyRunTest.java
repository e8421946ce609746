package org.jdpl.topologies;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** on-crash = restart | expendable, with devices that really die mid-run. */
@Timeout(120)
class CrashPolicyRunTest
{
    @TempDir
    Path dir;

    @Test
    void shouldRestartACrashedDeviceAndFinishTheRun()
    {
        final RunFixture fixture = new RunFixture(dir);
        final Path topology = fixture.write("restart.conf", """
            devices {
              source { use = counter-source, options { timeslices = 3000, rate-hz = 3000 } }
              fwd    { use = forwarder, on-crash = restart, options { crash-at-timeslice = 1000 } }
              sink   { use = checksum-sink, options { fail-on-error = false, expected-timeslices = 3000 } }
            }
            """);

        final RunResult result = fixture.run(topology);

        assertEquals(0, result.exitCode(), result::describe);
        assertEquals("ok", result.status());
        final JsonNode fwd = RunFixture.deviceOf(result, "fwd");
        assertEquals(1, fwd.path("restarts").asInt());
        assertTrue(result.summary().path("incidents").get(0).asText().contains("device 'fwd' (replica 0"), result.summary().toString());
        assertTrue(result.summary().path("incidents").get(0).asText().contains("restarted (1 of at most 3"), result.summary().toString());
        final double received = result.metric("sink.received");
        assertTrue(received > 1000 && received < 3000, "timeslices before and after the crash arrive; those the dead process held do not: " + received);
        assertEquals(3000, received + result.metric("sink.missing"));
        assertEquals(3000, result.timeslices("produced"));
        assertEquals((long)received, result.timeslices("completed"));
        assertEquals(3000 - (long)received, result.timeslices("lost"), "what the dead process held is lost, not dropped");
        final JsonNode loss = result.summary().path("timeslices").path("losses").get(0);
        assertEquals("fwd#0", loss.path("device").asText());
        assertEquals("in flight when this device died", loss.path("reason").asText());
        assertEquals(0, result.metric("sink.duplicates") + result.metric("sink.corrupt"));
        RunFixture.assertNothingLeft(result);
    }

    @Test
    void shouldEndARestartedDeviceWhoseProducerEndedBeforeItCameBack()
    {
        // The source sends everything at once and ends; the slow forwarder crashes later. Its new process
        // never saw the source's end of stream: the Driver sends it once the new process runs.
        final RunFixture fixture = new RunFixture(dir);
        final Path topology = fixture.write("restart-after-end.conf", """
            devices {
              source { use = counter-source, options { timeslices = 300 } }
              fwd    { use = forwarder, on-crash = restart, options { crash-at-timeslice = 250, work-us = 3000 } }
              sink   { use = checksum-sink, options { fail-on-error = false, expected-timeslices = 300 } }
            }
            """);

        final RunResult result = fixture.run(topology);

        assertEquals(0, result.exitCode(), result::describe);
        final String console = result.out();
        final int sourceEnded = console.indexOf("source: ended");
        final int fwdRunningAgain = console.indexOf("fwd: running", console.indexOf("fwd: running") + 1);
        assertTrue(sourceEnded >= 0 && fwdRunningAgain > sourceEnded, "the source ended before the forwarder came back:\n" + console);
        assertEquals(1, RunFixture.deviceOf(result, "fwd").path("restarts").asInt());
        assertEquals(300, result.timeslices("produced"));
        assertEquals(300, result.timeslices("completed") + result.timeslices("lost"), result.summary().path("timeslices").toString());
        RunFixture.assertNothingLeft(result);
    }

    @Test
    void shouldStopRestartingAfterRestartMax()
    {
        final RunFixture fixture = new RunFixture(dir);
        final Path topology = fixture.write("flapping.conf", """
            devices {
              source { use = counter-source, options { timeslices = 100000, rate-hz = 2000 } }
              fwd    { use = forwarder, on-crash = restart, restart { max = 2, window = 60s }, options { fail-every = 50 } }
              sink   { use = checksum-sink, options { fail-on-error = false } }
            }
            """);

        final RunResult result = fixture.run(topology);

        assertEquals(1, result.exitCode(), result::describe);
        assertEquals("failed", result.status());
        final String failure = result.summary().path("failure").asText();
        assertTrue(failure.startsWith("device 'fwd' (replica 0"), failure);
        assertTrue(failure.contains("restarted 2 time(s) within 60.0 s already (restart.max)"), failure);
        assertEquals(2, RunFixture.deviceOf(result, "fwd").path("restarts").asInt());
        RunFixture.assertNothingLeft(result);
    }

    @Test
    void shouldCarryOnWithoutAnExpendableDevice()
    {
        final RunFixture fixture = new RunFixture(dir);
        final Path topology = fixture.write("expendable.conf", """
            devices {
              source { use = counter-source, options { timeslices = 2000, rate-hz = 4000 } }
              fwd    { use = forwarder }
              sink   { use = checksum-sink }
              qc     { use = forwarder, on-crash = expendable, outputs = ["out:TST/QC/0"], options { crash-at-timeslice = 300 } }
              qcsink { use = checksum-sink, on-crash = expendable, inputs = ["in:TST/QC"], options { fail-on-error = false } }
            }
            """);

        final RunResult result = fixture.run(topology);

        assertEquals(0, result.exitCode(), result::describe);
        assertEquals("ok", result.status());
        assertEquals(2000, result.metric("sink.received"), "the main chain loses nothing");
        assertTrue(result.summary().path("incidents").get(0).asText().contains("device 'qc'"), result.summary().toString());
        assertTrue(result.summary().path("incidents").get(0).asText().contains("expendable: the run goes on without it"));
        assertTrue(result.metric("qcsink.received") < 2000, "qcsink ends with what qc sent before it died");
        assertEquals(2000, result.timeslices("produced"));
        assertEquals(2000 - result.timeslices("completed"), result.timeslices("lost"), "whatever did not reach qcsink is lost at qc");
        assertEquals("qc#0", result.summary().path("timeslices").path("losses").get(0).path("device").asText());
        RunFixture.assertNothingLeft(result);
    }
}
