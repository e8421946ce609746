package org.jdpl.topologies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.jdpl.framework.driver.RunDirectories;
import org.jdpl.gpu.BackendProbe;
import org.jdpl.gpu.service.StepService;
import org.jdpl.gpu.opencl.OpenClBackend;
import org.jdpl.tools.Dpl;
import org.jdpl.tools.bench.ServiceProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A GPU service (dpl serve) in a process of its own, called by client runs' service-step devices: the
 * seeds it returns are the bytes of the in-topology gpu-seeder and of the CPU seeder (payload-compare
 * in the same run), for two client runs at once, with batching and without; a missing service, a bad
 * service file and a service killed mid-run each end in one clear reason.
 */
@Timeout(300)
class GpuServiceRunTest
{
    /** Each client run: the CPU seeder, the in-topology GPU seeder and the service side by side on the same spacepoints. */
    private static final String CLIENT = """
        devices {
          sim     { use = trackml-simulator, options { events = %d, events-per-timeframe = %d, particles-per-event = 300, seed = %d } }
          cluster { use = clusterizer }
          cpu     { use = seeder, outputs = ["seeds:TRK/SEEDS/1"] }
          gpu     { use = gpu-seeder, outputs = ["seeds:TRK/SEEDS/2"], gpu { share = true, memory = 32M } }
          svc     { use = service-step, outputs = ["seeds:TRK/SEEDS/3"], on-error = %s, options { service = %s } }
          gpu-vs-cpu { use = payload-compare, inputs = ["expected:TRK/SEEDS/1", "actual:TRK/SEEDS/2"] }
          svc-vs-cpu { use = payload-compare, inputs = ["expected:TRK/SEEDS/1", "actual:TRK/SEEDS/3"] }
        }
        """;

    /** A client run with the service-step alone after the clusterizer: what is left after a kill is dropped fast. */
    private static final String LONE_CLIENT = """
        devices {
          sim     { use = trackml-simulator, options { events = %d, events-per-timeframe = 2, particles-per-event = 100 } }
          cluster { use = clusterizer }
          svc     { use = service-step, on-error = skip-timeframe, options { service = %s } }
        }
        """;

    @TempDir
    Path dir;

    @BeforeAll
    static void needsOpenCl()
    {
        final BackendProbe probe = new OpenClBackend().probe();
        assumeTrue(probe.isAvailable(), "skipped: no OpenCL device on this machine (" + probe.reason() + "); install pocl-opencl-icd");
    }

    private Path serviceFile(final String name, final int instances, final int maxBatch, final String delay) throws Exception
    {
        return Files.writeString(dir.resolve(name + ".conf"), """
            name = %s
            step = gpu-seeder
            gpu { backend = opencl, memory = 32M }
            instances = %d
            max-batch = %d
            max-queue-delay = %s
            """.formatted(name, instances, maxBatch, delay));
    }

    /** A client run in {@code sub}, its runs directory the shared one (a link), so it finds the service. */
    private RunResult client(final String sub, final String service, final int events, final int seed, final String onError) throws Exception
    {
        return clientOf(sub, CLIENT.formatted(events, 2, seed, onError, service));
    }

    private RunResult clientOf(final String sub, final String topology) throws Exception
    {
        final Path clientDir = Files.createDirectories(dir.resolve(sub));
        Files.createDirectories(dir.resolve("runs"));
        Files.createSymbolicLink(clientDir.resolve("runs"), dir.resolve("runs"));
        final RunFixture fixture = new RunFixture(clientDir);
        return fixture.run(fixture.write("client.conf", topology));
    }

    private static void assertIdentical(final RunResult run, final long timeframes)
    {
        assertEquals(0, run.exitCode(), run::describe);
        assertEquals(timeframes, run.metric("svc-vs-cpu.identical"), run::describe);
        assertEquals(timeframes, run.metric("gpu-vs-cpu.identical"), run::describe);
        assertEquals(timeframes, run.metric("svc.service.requests"), run::describe);
        // The spacepoints (beyond the 64 KiB inline limit) are read by the service in the run's segment, not copied.
        assertEquals(timeframes, run.metric("svc.service.inputsByReference"), run::describe);
        assertEquals(0, run.metric("svc.service.inputsCopied"), run::describe);
    }

    @Test
    void shouldGiveTwoClientRunsTheSeedsOfTheGpuAndCpuSeedersWithBatching() throws Exception
    {
        try (ServiceProcess service = ServiceProcess.start(serviceFile("batched", 2, 4, "20ms"), "batched", dir.resolve("runs")))
        {
            // Threads of their own: the common pool has one thread on two cores and would run the clients one after the other.
            final ExecutorService threads = Executors.newFixedThreadPool(2);
            final CompletableFuture<RunResult> a = CompletableFuture.supplyAsync(() -> uncheckedClient("a", "batched", 8, 1), threads);
            final CompletableFuture<RunResult> b = CompletableFuture.supplyAsync(() -> uncheckedClient("b", "batched", 6, 2), threads);
            threads.shutdown();
            assertIdentical(a.join(), 4);
            assertIdentical(b.join(), 3);
            RunFixture.assertNothingLeft(a.join());
            RunFixture.assertNothingLeft(b.join());
            assertTrue(service.record().alive(), service::log);
        }
    }

    @Test
    void shouldGiveTheSameSeedsWithoutBatching() throws Exception
    {
        try (ServiceProcess service = ServiceProcess.start(serviceFile("single", 1, 1, "0ms"), "single", dir.resolve("runs")))
        {
            final RunResult run = client("a", "single", 6, 1, "fail");
            assertIdentical(run, 3);
            assertEquals(1.0, run.metric("svc.service.batched") / run.metric("svc.service.requests"), run::describe);
        }
    }

    private RunResult uncheckedClient(final String sub, final String service, final int events, final int seed)
    {
        try
        {
            return client(sub, service, events, seed, "fail");
        }
        catch (final Exception e)
        {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void shouldClusterLikeTheClusterizerWithServiceClusterStep() throws Exception
    {
        final Path file = Files.writeString(dir.resolve("cells.conf"), """
            name = cells
            step = gpu-clusterizer
            gpu { backend = opencl, memory = 32M }
            """);
        try (ServiceProcess service = ServiceProcess.start(file, "cells", dir.resolve("runs")))
        {
            final RunResult run = clientOf("a", """
                devices {
                  sim     { use = trackml-simulator, options { events = 6, events-per-timeframe = 2, particles-per-event = 300 } }
                  cpu     { use = clusterizer, outputs = ["spacepoints:TRK/SPACEPOINTS/1"] }
                  svc     { use = service-cluster-step, outputs = ["spacepoints:TRK/SPACEPOINTS/3"], options { service = cells } }
                  compare { use = payload-compare, inputs = ["expected:TRK/SPACEPOINTS/1", "actual:TRK/SPACEPOINTS/3"] }
                }
                """);

            assertEquals(0, run.exitCode(), run::describe);
            assertEquals(3, run.metric("compare.identical"), run::describe);
            assertEquals(3, run.metric("svc.service.requests"), run::describe);
            assertEquals(9, run.metric("svc.service.inputsByReference") + run.metric("svc.service.inputsCopied"), run::describe);
        }
    }

    @Test
    void shouldFailInOneClearLineWhenTheServiceDoesNotExist() throws Exception
    {
        final RunResult run = client("a", "nowhere", 2, 1, "fail");

        assertNotEquals(0, run.exitCode(), run::describe);
        final String said = run.out() + run.err();
        assertTrue(said.contains("no service named 'nowhere' is registered in " + dir.resolve("a").resolve("runs").resolve("services")), said);
        assertTrue(said.contains("start it with `dpl serve FILE"), said);
        RunFixture.assertNothingLeft(run);
    }

    @Test
    void shouldRejectABadServiceFileNamingFileAndLine() throws Exception
    {
        final Path bad = Files.writeString(dir.resolve("bad.conf"), """
            name = seeds
            step = gpu-seeder
            instances = 2
            max-batch = 0
            """);
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();

        final int exit = Dpl.execute(new PrintWriter(out, true), new PrintWriter(err, true), "serve", bad.toString(), "--runs-dir",
            dir.resolve("runs").toString());

        assertEquals(2, exit, err::toString);
        assertEquals("dpl serve: " + bad + ":4: max-batch = 0 is out of range; give one from 1 to 64", err.toString().strip());
        assertTrue(Files.notExists(dir.resolve("runs").resolve("services").resolve("seeds.json")));
    }

    @Test
    void shouldApplyOnErrorToEveryTimesliceWhenTheServiceIsKilledMidRun() throws Exception
    {
        final ServiceProcess service = ServiceProcess.start(serviceFile("doomed", 1, 1, "0ms"), "doomed", dir.resolve("runs"));
        try
        {
            final CompletableFuture<RunResult> run = CompletableFuture.supplyAsync(() -> unchecked("a", "doomed", 400));
            // Killed once it has answered a timeframe, while the client still has hundreds to send.
            RunFixture.await("the service's first answer", 120_000, () -> service.record().counter("requests") >= 1);
            service.kill();
            final RunResult result = run.join();

            assertEquals(0, result.exitCode(), result::describe);
            final long produced = result.timeslices("produced");
            assertEquals(200, produced, result::describe);
            assertEquals(produced, result.timeslices("completed") + result.timeslices("dropped") + result.timeslices("lost"), result::describe);
            assertTrue(result.timeslices("dropped") >= 1, result::describe);
            final String reason = result.summary().path("timeslices").path("losses").get(0).path("reason").asText();
            assertTrue(reason.contains("service 'doomed' is dead (pid " + service.pid()), reason);

            final StringWriter out = new StringWriter();
            Dpl.execute(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), "status", "--list", "--runs-dir",
                dir.resolve("runs").toString());
            assertTrue(out.toString().matches("(?s).*doomed\\s+gpu-seeder\\s+dead.*"), out::toString);
            RunFixture.assertNothingLeft(result);
        }
        finally
        {
            service.kill();
            // What a SIGKILLed service leaves in /dev/shm (its media driver's files); a new service of that name would clear it.
            RunDirectories.deleteTree(StepService.shmDir("doomed"));
        }
    }

    private RunResult unchecked(final String sub, final String service, final int events)
    {
        try
        {
            return clientOf(sub, LONE_CLIENT.formatted(events, service));
        }
        catch (final Exception e)
        {
            throw new IllegalStateException(e);
        }
    }
}
