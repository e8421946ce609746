package org.jdpl.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * GPU placement as {@code dpl graph} and {@code dpl validate} show it, with the real GPU discovery
 * of jdpl-gpu-devices asked for the CPU reference backend (one "GPU" on every machine).
 */
class GpuPlanCommandTest
{
    private static final String GPU = DplRun.TOPOLOGIES + "gpu.conf";

    @Test
    void shouldShowEachReplicasGpuInTheGraph() throws Exception
    {
        final DplRun dot = DplRun.run("graph", GPU);
        assertEquals(ExitCode.OK, dot.exitCode(), dot::toString);
        assertTrue(dot.out().contains("gpu-clusterizer, cpu GPU 0"), dot::toString);

        final DplRun json = DplRun.run("graph", GPU, "--format", "json");
        final JsonNode gpu = new ObjectMapper().readTree(json.out()).get("devices").get(1).get("gpu");
        assertEquals("cpu", gpu.get("backend").asText());
        assertEquals(0, gpu.get("indices").get(0).asInt());
        assertTrue(gpu.get("discovery").asText().startsWith("GPU backend cpu: 1 GPU"), gpu::toString);
    }

    @Test
    void shouldRefuseMoreGpuReplicasThanGpusUnlessShared()
    {
        final DplRun refused = DplRun.run("validate", GPU, "--set", "cluster.pipeline=2");
        assertEquals(ExitCode.FAILED, refused.exitCode(), refused::toString);
        assertTrue(refused.out().startsWith(GPU + ":3: 2 GPU device replicas but 1 GPU (cpu: "), refused::toString);
        assertTrue(refused.out().contains("set gpu.share = true to share, or lower the GPU devices' pipeline"), refused::toString);

        final DplRun shared = DplRun.run("validate", GPU, "--set", "cluster.pipeline=2", "--set", "cluster.gpu.share=true");
        assertEquals(ExitCode.OK, shared.exitCode(), shared::toString);
    }
}
