package org.jdpl.topologies;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code silent-after}: a device process that is alive but silent (SIGSTOP: it holds its
 * timeslices and answers nothing) is killed by the Driver, which then follows its {@code on-crash};
 * the run ends instead of waiting forever, the incident or failure says it was silent, and every
 * timeslice is accounted for, the lost ones at the silent device.
 */
@Timeout(180)
class SilentDeviceRunTest
{
    @TempDir
    Path dir;

    @ParameterizedTest(name = "a silent fwd under on-crash = {0}")
    @CsvSource({"restart", "stop"})
    void shouldEndASilentDeviceAsItsOnCrashSays(final String policy) throws Exception
    {
        final RunFixture fixture = new RunFixture(dir);
        final Path topology = fixture.write("silent.conf", """
            devices {
              source { use = counter-source, options { timeslices = 3000, rate-hz = 500 } }
              fwd    { use = forwarder, on-crash = %s, silent-after = 3s }
              sink   { use = checksum-sink, options { fail-on-error = false } }
            }
            """.formatted(policy));

        final CompletableFuture<RunResult> run = CompletableFuture.supplyAsync(() -> fixture.run(topology));
        RunFixture.await("fwd and the source to be running", 90_000, () -> fixture.console().lines()
            .filter(l -> (l.startsWith("[fwd#0]") || l.startsWith("[source#0]")) && l.contains("running")).count() >= 2);
        final ProcessHandle fwd = RunFixture.device("fwd", 0);
        assertNotNull(fwd, "fwd process not found");
        // Stopped, not dead: the Driver sees a live process whose heartbeat does not move.
        assertEquals(0, new ProcessBuilder("kill", "-STOP", Long.toString(fwd.pid())).start().waitFor());

        final RunResult result = run.get(150, TimeUnit.SECONDS);

        final String silent = "device 'fwd' (replica 0, pid " + fwd.pid() + ") was silent for ";
        if (policy.equals("stop"))
        {
            assertEquals(1, result.exitCode(), result::describe);
            assertTrue(result.summary().path("failure").asText().startsWith(silent), result.summary().path("failure").asText());
        }
        else
        {
            assertEquals(0, result.exitCode(), result::describe);
            final String incident = result.summary().path("incidents").get(0).asText();
            assertTrue(incident.startsWith(silent) && incident.contains("restarted"), incident);
            assertEquals(3000, result.timeslices("produced"), result.summary().path("timeslices").toString());
        }
        final JsonNode t = result.summary().path("timeslices");
        assertEquals(t.path("produced").asLong(), t.path("completed").asLong() + t.path("dropped").asLong() + t.path("lost").asLong(),
            t.toString());
        assertEquals(0, t.path("unexplained").asLong(), t.toString());
        for (final JsonNode loss : t.path("losses"))
        {
            // Lost (not dropped by a device that says why): at the silent device, with why.
            assertTrue(!loss.path("reason").asText().startsWith("in flight") || loss.path("device").asText().startsWith("fwd#0 (silent for "),
                "lost at the silent device, with why: " + loss);
        }
        RunFixture.assertNothingLeft(result);
    }
}
