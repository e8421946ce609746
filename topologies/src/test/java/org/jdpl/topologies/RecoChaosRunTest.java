package org.jdpl.topologies;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jdpl.tools.Dpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * kill -9 of each device of the reconstruction chain at a random moment, each crash policy at the
 * source (a source cannot restart), in the middle and at the sink (each case starts six JVMs, so
 * not every pair: ChaosRunTest covers the policies on a short chain too): the exit code, the
 * message and the accounting hold, and nothing is left behind. Restarting a source
 * is refused when the topology is validated.
 */
@Timeout(150)
class RecoChaosRunTest
{
    private static final long SEED = 5L;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static final List<String> CHAIN = List.of("sim", "cluster", "seeder", "finder", "fitter", "scorer");

    @ParameterizedTest(name = "kill -9 {0} under on-crash = {1}")
    @CsvSource({
        "sim, stop", "sim, expendable",
        "cluster, restart", "cluster, expendable",
        "seeder, stop",
        "finder, restart",
        "fitter, expendable",
        "scorer, stop", "scorer, restart", "scorer, expendable"})
    void shouldAccountForEveryTimeframeWhenARecoDeviceIsKilled(final String victim, final String policy) throws Exception
    {
        final RunFixture fixture = new RunFixture(dir);
        // An expendable device's consumers must be expendable too (validation): everything after it in the chain is.
        final List<String> sets = new ArrayList<>();
        final int at = CHAIN.indexOf(victim);
        for (int i = at; i < CHAIN.size(); i++)
        {
            if (i == at || policy.equals("expendable"))
            {
                sets.add("--set");
                sets.add(CHAIN.get(i) + ".on-crash=" + policy);
            }
        }
        final Path topology = fixture.write("reco-chaos.conf", """
            devices {
              sim     { use = trackml-simulator, options { events = 200, events-per-timeframe = 2, particles-per-event = 150 } }
              cluster { use = clusterizer }
              seeder  { use = seeder }
              finder  { use = track-finder }
              fitter  { use = track-fitter, options { uniform-field-half-length = 1e6 } }
              scorer  { use = trackml-scorer }
            }
            """);

        final CompletableFuture<RunResult> run = CompletableFuture.supplyAsync(() -> fixture.run(topology, sets.toArray(String[]::new)));
        RunFixture.await("the chain to be running", 90_000, () -> fixture.console().lines()
            .filter(l -> l.contains("INFO DeviceRunner") && l.contains(": running")).count() >= 6);
        if (!victim.equals("sim"))
        {
            // Kill mid-stream, not before the first timeframe left the simulator (its first takes a while on a loaded machine).
            final String runId = ObserveRunTest.runId(fixture.console());
            RunFixture.await("the simulator to produce", 90_000, () -> simulatorProduced(runId, fixture) > 0);
        }
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(new Random(SEED + victim.hashCode()).nextInt(1000)));
        final ProcessHandle process = RunFixture.device(victim, 0);
        assertNotNull(process, victim + " is not running any more: the run ended before the kill\n" + fixture.console());
        process.destroyForcibly();

        final RunResult result;
        try
        {
            result = run.get(120, TimeUnit.SECONDS);
        }
        catch (final java.util.concurrent.TimeoutException ex)
        {
            // Say what the run was doing, and take it down so that the next cases start clean.
            final String console = fixture.console();
            RunFixture.killDevices();
            throw new AssertionError("the run did not end within 120 s of the kill:\n" + console, ex);
        }

        final String who = "device '" + victim + "' (replica 0, pid " + process.pid() + ")";
        assertNotNull(result.summary(), result::describe);
        if (policy.equals("stop"))
        {
            assertEquals(1, result.exitCode(), result::describe);
            assertTrue(result.summary().path("failure").asText().startsWith(who), result.summary().path("failure").asText());
        }
        else
        {
            assertEquals(0, result.exitCode(), result::describe);
            assertTrue(result.summary().path("incidents").get(0).asText().startsWith(who), result.summary().path("incidents").toString());
        }
        final long produced = result.timeslices("produced");
        // A killed simulator is known to have produced only what its counters showed or what reached a sink.
        assertTrue(produced > 0 || victim.equals("sim"), "the simulator produced before the kill");
        assertEquals(produced, result.timeslices("completed") + result.timeslices("dropped") + result.timeslices("lost"),
            "every timeframe completed, dropped or lost: " + result.summary().path("timeslices"));
        RunFixture.assertNothingLeft(result);
    }

    /** Timeframes the simulator sent so far, from the run's live counters ({@code dpl status RUN --json}); 0 when unknown. */
    private static long simulatorProduced(final String runId, final RunFixture fixture)
    {
        final ConsoleBuffer out = new ConsoleBuffer();
        Dpl.execute(new PrintWriter(out, true), new PrintWriter(new ConsoleBuffer(), true), "status", runId, "--runs-dir",
            fixture.runsDir().toString(), "--json");
        final String text = out.toString();
        try
        {
            for (final JsonNode replica : JSON.readTree(text.substring(Math.max(0, text.indexOf('{')))).path("replicas"))
            {
                if (replica.path("device").asText().equals("sim"))
                {
                    return replica.path("timeslicesOut").asLong();
                }
            }
        }
        catch (final IOException | RuntimeException e)
        {
            return 0; // the run is still starting: no counters yet
        }
        return 0;
    }

    @Test
    void shouldRefuseToRestartASource()
    {
        final RunFixture fixture = new RunFixture(dir);
        final RunResult result = fixture.run(fixture.write("reco.conf", """
            devices {
              sim    { use = trackml-simulator, on-crash = restart }
              cluster { use = clusterizer }
              seeder  { use = seeder }
              finder  { use = track-finder }
              fitter  { use = track-fitter }
              scorer  { use = trackml-scorer }
            }
            """));

        assertEquals(1, result.exitCode(), result::describe);
        assertTrue(result.err().contains("reco.conf:2: device 'sim' is a source and cannot be restarted yet"), result.err());
    }
}
