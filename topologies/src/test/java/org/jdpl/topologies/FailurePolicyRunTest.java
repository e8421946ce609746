package org.jdpl.topologies;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a device that throws from process does to the run, under each on-error policy. */
@Timeout(120)
class FailurePolicyRunTest
{
    @TempDir
    Path dir;

    @Test
    void shouldDropOnlyTheFailingTimeframesWithSkipTimeframe()
    {
        final RunFixture fixture = new RunFixture(dir);
        final Path topology = fixture.write("skip.conf", """
            devices {
              source { use = counter-source, options { timeslices = 1000 } }
              fwd    { use = forwarder, on-error = skip-timeframe, options { fail-every = 100 } }
              sink   { use = checksum-sink, options { fail-on-error = false, expected-timeslices = 1000 } }
            }
            """);

        final RunResult result = fixture.run(topology);

        assertEquals(0, result.exitCode(), result::describe);
        assertEquals("ok", result.status());
        assertEquals(990, result.metric("sink.received"));
        assertEquals(10, result.metric("sink.missing"), "timeslices 99, 199, ... 999 were dropped");
        final JsonNode fwd = RunFixture.deviceOf(result, "fwd");
        assertEquals(10, fwd.path("timeslicesDropped").asLong());
        assertEquals(10, fwd.path("errors").asLong());
        assertEquals(1000, result.timeslices("produced"));
        assertEquals(990, result.timeslices("completed"));
        assertEquals(10, result.timeslices("dropped"));
        assertEquals(0, result.timeslices("lost"));
        final JsonNode loss = result.summary().path("timeslices").path("losses").get(0);
        assertEquals(99, loss.path("timeslice").asLong());
        assertEquals("fwd#0", loss.path("device").asText());
        assertTrue(loss.path("reason").asText().startsWith("process threw (on-error = skip-timeframe)"), loss.toString());
        assertTrue(result.out().contains("timeslice 99 dropped (on-error = skip-timeframe)"), result.out());
        RunFixture.assertNothingLeft(result);
    }

    @Test
    void shouldFailTheRunNamingDeviceAndTimesliceByDefault()
    {
        final RunFixture fixture = new RunFixture(dir);
        final Path topology = fixture.write("fail.conf", """
            devices {
              source { use = counter-source, options { timeslices = 1000 } }
              fwd    { use = forwarder, options { fail-every = 500 } }
              sink   { use = checksum-sink }
            }
            """);

        final RunResult result = fixture.run(topology);

        assertEquals(1, result.exitCode(), result::describe);
        assertEquals("failed", result.status());
        final String failure = result.summary().path("failure").asText();
        assertTrue(failure.startsWith("device 'fwd' (replica 0"), failure);
        assertTrue(failure.contains("device failed"), failure);
        assertTrue(failure.contains("injected failure on timeslice 499"), "the last log lines carry the cause: " + failure);
        RunFixture.assertNothingLeft(result);
    }
}
