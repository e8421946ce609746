package org.jdpl.topologies;

import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * kill -9 of each consuming device of a chain at a random moment, under each crash policy: the exit
 * code, the message, and the accounting (every produced timeslice completed, dropped or lost with
 * the device named) hold, and nothing is left running or in /dev/shm.
 */
@Timeout(120)
class ChaosRunTest
{
    private static final long SEED = 20261122L;
    private static final int TIMESLICES = 4000;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "kill -9 {0} under on-crash = {1}")
    @CsvSource({"fwd, stop", "sink, stop", "fwd, restart", "sink, restart", "fwd, expendable", "sink, expendable"})
    void shouldAccountForEveryTimesliceWhenADeviceIsKilled(final String victim, final String policy) throws Exception
    {
        final RunFixture fixture = new RunFixture(dir);
        // An expendable fwd needs an expendable sink (validation rejects a sink fed only by expendable producers).
        final String fwdPolicy = victim.equals("fwd") || policy.equals("expendable") ? policy : "stop";
        final String sinkPolicy = victim.equals("sink") || policy.equals("expendable") ? policy : "stop";
        final Path topology = fixture.write("chaos.conf", """
            devices {
              source { use = counter-source, options { timeslices = %d, rate-hz = 2000 } }
              fwd    { use = forwarder, on-crash = %s }
              sink   { use = checksum-sink, on-crash = %s, options { fail-on-error = false } }
            }
            """.formatted(TIMESLICES, fwdPolicy, sinkPolicy));

        final CompletableFuture<RunResult> run = CompletableFuture.supplyAsync(() -> fixture.run(topology));
        RunFixture.await(victim + " to be running", 60_000, () -> fixture.console().lines()
            .anyMatch(l -> l.startsWith("[" + victim + "#0]") && l.contains("running")));
        // The random moment: somewhere in the first half second of the stream.
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(new Random(SEED + victim.hashCode() + policy.hashCode()).nextInt(500)));
        final ProcessHandle process = RunFixture.device(victim, 0);
        assertNotNull(process, victim + " process not found");
        process.destroyForcibly();

        final RunResult result = run.get(90, TimeUnit.SECONDS);

        final String who = "device '" + victim + "' (replica 0, pid " + process.pid() + ")";
        if (policy.equals("stop"))
        {
            assertEquals(1, result.exitCode(), result::describe);
            assertEquals("failed", result.status());
            assertTrue(result.summary().path("failure").asText().startsWith(who), result.summary().path("failure").asText());
        }
        else
        {
            assertEquals(0, result.exitCode(), result::describe);
            assertEquals("ok", result.status());
            assertTrue(result.summary().path("incidents").get(0).asText().startsWith(who), result.summary().path("incidents").toString());
        }
        assertAccounted(result, victim);
        RunFixture.assertNothingLeft(result);
    }

    private static void assertAccounted(final RunResult result, final String victim)
    {
        final long produced = result.timeslices("produced");
        final long completed = result.timeslices("completed");
        final long dropped = result.timeslices("dropped");
        final long lost = result.timeslices("lost");
        assertTrue(produced > 0, "something was produced");
        assertEquals(produced, completed + dropped + lost, "every produced timeslice is completed, dropped or lost: " +
            result.summary().path("timeslices"));
        for (final JsonNode loss : result.summary().path("timeslices").path("losses"))
        {
            final String device = loss.path("device").asText();
            assertTrue(device.equals(victim + "#0") || !loss.path("reason").asText().startsWith("unexplained"),
                "a loss names where it happened and why: " + loss);
        }
    }
}
