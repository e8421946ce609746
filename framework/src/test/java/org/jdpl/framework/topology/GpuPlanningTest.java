package org.jdpl.framework.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.jdpl.framework.gpu.GpuDiscovery;
import org.jdpl.framework.plan.GpuPlacement;
import org.jdpl.framework.plan.Plan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plan gives GPU device replicas distinct GPUs of the test machine (two GPUs of backend {@code test}). */
class GpuPlanningTest
{
    @TempDir
    Path dir;

    @Test
    void shouldGiveEachReplicaItsOwnGpu() throws IOException
    {
        final Plan plan = plan("""
            devices {
              source { use = test-source }
              fwd    { use = test-filter, pipeline = 2, gpu = auto }
              sink   { use = test-sink }
            }
            """);
        final GpuPlacement gpu = plan.device("fwd").gpu();
        assertEquals(List.of(0, 1), gpu.indices());
        assertEquals("test", gpu.backend());
        assertEquals(64L << 20, gpu.memoryBytes());
        assertEquals("GPU backend test: 2 GPUs (discovered)", gpu.discovery());
        assertFalse(plan.device("source").usesGpu());
        assertTrue(PlanRenderer.render(plan, PlanRenderer.Format.dot).contains("test-filter \u00d72, test GPUs 0, 1"));
        assertTrue(PlanRenderer.render(plan, PlanRenderer.Format.json).contains("\"indices\" : [ 0, 1 ]"));
    }

    @Test
    void shouldWorkAutoReplicasAroundAnExplicitIndexAndReadTheBlock() throws IOException
    {
        final Plan plan = plan("""
            devices {
              source { use = test-source }
              fwd    { use = test-filter, gpu { index = 1, memory = 8M, backend = test } }
              sink   { use = test-sink, gpu = auto }
            }
            """);
        assertEquals(List.of(1), plan.device("fwd").gpu().indices());
        assertEquals(8L << 20, plan.device("fwd").gpu().memoryBytes());
        assertEquals(List.of(0), plan.device("sink").gpu().indices());
    }

    @Test
    void shouldShareGpusOnlyWhenAsked() throws IOException
    {
        final Plan plan = plan("""
            devices {
              source { use = test-source }
              fwd    { use = test-filter, pipeline = 3, gpu { index = auto, share = true } }
              sink   { use = test-sink }
            }
            """);
        assertEquals(List.of(0, 1, 0), plan.device("fwd").gpu().indices());
        assertTrue(plan.device("fwd").gpu().share());
    }

    @Test
    void shouldNotLookForGpusWhenNoDeviceNeedsOne() throws IOException
    {
        final GpuDiscovery failing = requested ->
        {
            throw new AssertionError("GPU discovery asked for " + requested);
        };
        final Path file = TopologyTestSupport.write(dir, "plain.conf", """
            devices {
              source { use = test-source }
              sink   { use = test-sink, inputs = ["in:TST/DATA"] }
            }
            """);
        final Compilation result = TopologyCompiler.compile(List.of(file), List.of(), TopologyTestSupport.CATALOG,
            TopologyTestSupport.ENVIRONMENT, failing);
        assertTrue(result.ok(), result::problemReport);
        assertNull(result.plan().device("sink").gpu());
    }

    private Plan plan(final String text) throws IOException
    {
        return TopologyTestSupport.compileClean(List.of(TopologyTestSupport.write(dir, "gpu.conf", text)), List.of()).plan();
    }
}
