package org.jdpl.topologies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jdpl.gpu.BackendProbe;
import org.jdpl.gpu.opencl.OpenClBackend;
import org.jdpl.tools.Dpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short {@code dpl bench gpu} on OpenCL: every key written, both devices timed on every timeframe,
 * and the GPU device's outputs equal the CPU reference's whenever the run's control pair (two CPU
 * clusterizers) agrees, so that a difference can only be the GPU device's.
 */
@Timeout(120)
class GpuBenchTest
{
    @TempDir
    Path dir;

    @Test
    void shouldTimeTheGpuClusterizerAgainstTheCpuOneOnTheSameTimeframes() throws Exception
    {
        final BackendProbe probe = new OpenClBackend().probe();
        assumeTrue(probe.isAvailable(), "skipped: no OpenCL device on this machine (" + probe.reason() + "); install pocl-opencl-icd");
        final ConsoleBuffer out = new ConsoleBuffer();
        final Path json = dir.resolve("gpu.json");

        final int exit = Dpl.execute(new PrintWriter(out, true), new PrintWriter(out, true),
            "bench", "gpu", "--timeframes", "4", "--backend", "opencl", "--json", json.toString());

        final JsonNode r = new ObjectMapper().readTree(json.toFile());
        assertEquals("opencl", r.path("backend").asText(), r::toString);
        assertEquals("gpu-clusterizer", r.path("device").asText());
        assertTrue(r.path("gpu.msPerTf").asDouble() > 0 && r.path("cpu.msPerTf").asDouble() > 0, r::toString);
        assertTrue(r.path("gpu.kernelMsPerTf").asDouble() > 0 && r.path("gpu.poolHighWaterBytes").asDouble() > 0, r::toString);
        assertTrue(out.toString().contains("GPU/CPU time ratio"), out::toString);
        assertEquals(r.path("identicalToCpu").asBoolean() ? 0 : 1, exit, out::toString);
        if (r.path("controlIdentical").asBoolean())
        {
            assertTrue(r.path("identicalToCpu").asBoolean(), () -> "GPU outputs differ from the CPU reference: " + out);
        }
        else
        {
            assertTrue(out.toString().contains("the control pair"), out::toString);
        }
    }
}
