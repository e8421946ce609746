package org.jdpl.topologies;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A device killed with SIGKILL mid-run ends the run non-zero, naming it, with nothing left behind. */
@Timeout(120)
class CrashRunTest
{
    @TempDir
    Path dir;

    @Test
    void shouldFailTheRunNamingADeviceKilledMidRun() throws Exception
    {
        final RunFixture fixture = new RunFixture(dir);
        final Path topology = fixture.write("endless.conf", """
            devices {
              source { use = counter-source, options { timeslices = 0, payload-bytes = 1024, rate-hz = 2000 } }
              fwd    { use = forwarder, pipeline = 2 }
              sink   { use = checksum-sink }
            }
            """);

        final CompletableFuture<RunResult> run = CompletableFuture.supplyAsync(() -> fixture.run(topology));
        RunFixture.await("the sink to be running", 60_000, () -> fixture.console().contains("[sink#0]") &&
            fixture.console().lines().anyMatch(l -> l.startsWith("[sink#0]") && l.contains("running")));
        final ProcessHandle victim = RunFixture.device("fwd", 1);
        assertNotNull(victim, "fwd#1 process not found");
        victim.destroyForcibly(); // SIGKILL

        final RunResult result = run.get(60, TimeUnit.SECONDS);

        assertEquals(1, result.exitCode(), result::describe);
        assertEquals("failed", result.status());
        final String failure = result.summary().path("failure").asText();
        assertTrue(failure.contains("device 'fwd' (replica 1, pid " + victim.pid() + ")"), failure);
        assertTrue(failure.contains("SIGKILL"), failure);
        assertTrue(result.out().contains("failure: device 'fwd'"), "the console names the device:\n" + result.out());
        RunFixture.assertNothingLeft(result);
    }
}
