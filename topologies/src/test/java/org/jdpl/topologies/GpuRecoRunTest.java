package org.jdpl.topologies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;

import org.jdpl.gpu.BackendProbe;
import org.jdpl.gpu.opencl.OpenClBackend;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * reco-sim-gpu.conf run for real on OpenCL (PoCL here): two gpu-clusterizer replicas and a gpu-seeder,
 * and the chain's results equal reco-sim.conf's on the same simulated events; the GPU metrics and the backend choice
 * reach the summary; a pool too small for a timeframe is a clear error, not a crash.
 */
@Timeout(120)
class GpuRecoRunTest
{
    private static final String[] SMALL = {"--set", "sim.events=4", "--set", "sim.events-per-timeframe=2"};
    private static final List<String> SCORES = List.of("scorer.score", "scorer.efficiency", "scorer.tracks", "scorer.fakeRate",
        "scorer.duplicateRate", "scorer.ptResolution", "cluster.mergedClusters");

    @TempDir
    Path dir;

    @BeforeAll
    static void needsOpenCl()
    {
        final BackendProbe probe = new OpenClBackend().probe();
        assumeTrue(probe.isAvailable(), "skipped: no OpenCL device on this machine (" + probe.reason() + "); install pocl-opencl-icd");
    }

    @Test
    void shouldReconstructLikeTheCpuChainOnTheGpu()
    {
        final RunResult cpu = new RunFixture(dir.resolve("cpu")).run(Path.of("reco-sim.conf").toAbsolutePath(), SMALL);
        assertEquals(0, cpu.exitCode(), cpu::describe);
        final RunResult gpu = new RunFixture(dir.resolve("gpu")).run(Path.of("reco-sim-gpu.conf").toAbsolutePath(), SMALL);
        assertEquals(0, gpu.exitCode(), gpu::describe);

        assertEquals(4, gpu.metric("scorer.events"));
        for (final String metric : SCORES)
        {
            assertEquals(cpu.metric(metric), gpu.metric(metric), metric);
        }
        assertEquals(2, gpu.summary().path("devices").findValuesAsText("type").stream().filter("gpu-clusterizer"::equals).count());
        assertEquals(1, gpu.summary().path("devices").findValuesAsText("type").stream().filter("gpu-seeder"::equals).count());
        assertTrue(gpu.metric("cluster.gpu.kernel-ms") > 0, gpu::describe);
        assertTrue(gpu.metric("cluster.gpu.transfer-bytes") > 0, gpu::describe);
        assertTrue(gpu.metric("cluster.gpu.pool-high-water-bytes") > 0, gpu::describe);
        assertTrue(gpu.metric("cluster.gpu.busy-fraction") > 0, gpu::describe);
        assertTrue(gpu.metric("seeder.gpu.kernel-ms") > 0, gpu::describe);
        assertTrue(gpu.metric("seeder.gpu.transfer-bytes") > 0, gpu::describe);
        assertTrue(gpu.metric("seeder.tripletCandidates") > 0, gpu::describe);
        final String gpus = gpu.summary().path("gpus").toString();
        assertTrue(gpus.contains("cluster on opencl GPUs 0, 0 (shared)") && gpus.contains("seeder on opencl GPU 0 (shared)") &&
            gpus.contains("GPU backend opencl"), gpus);
        RunFixture.assertNothingLeft(gpu);
    }

    @Test
    void shouldFailClearlyWhenATimeframeDoesNotFitTheGpuPool()
    {
        final RunResult result = new RunFixture(dir).run(Path.of("reco-sim-gpu.conf").toAbsolutePath(), "--set", "sim.events=2",
            "--set", "sim.events-per-timeframe=2", "--set", "cluster.pipeline=1", "--set", "cluster.gpu.memory=64K");

        assertNotEquals(0, result.exitCode(), result::describe);
        final String said = result.out() + result.err() + result.summary();
        assertTrue(said.contains("the GPU memory pool holds 65536 bytes; raise gpu.memory to at least"), result::describe);
        RunFixture.assertNothingLeft(result);
    }

    @Test
    void shouldDropTimeframesTooLargeForThePoolWithSkipTimeframe()
    {
        final RunFixture fixture = new RunFixture(dir);
        final Path topology = fixture.write("skip.conf", """
            devices {
              sim     { use = trackml-simulator, options { events = 4, events-per-timeframe = 2 } }
              cluster { use = gpu-clusterizer, on-error = skip-timeframe, gpu { memory = 64K } }
              seeder  { use = seeder }
            }
            """);

        final RunResult result = fixture.run(topology);

        assertEquals(0, result.exitCode(), result::describe);
        assertEquals(2, RunFixture.deviceOf(result, "cluster").path("timeslicesDropped").asLong(), result::describe);
        assertEquals(2, result.timeslices("dropped"));
        final String reason = result.summary().path("timeslices").path("losses").get(0).path("reason").asText();
        assertTrue(reason.contains("the GPU memory pool holds 65536 bytes"), reason);
        RunFixture.assertNothingLeft(result);
    }
}
