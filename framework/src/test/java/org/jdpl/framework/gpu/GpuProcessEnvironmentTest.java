package org.jdpl.framework.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;

class GpuProcessEnvironmentTest
{
    @Test
    void shouldShowACudaProcessOnlyItsGpu()
    {
        final GpuProcessEnvironment env = GpuProcessEnvironment.of("cuda", 2, Map.of());
        assertEquals(Map.of("JDPL_GPU_BACKEND", "cuda", "JDPL_GPU_ASSIGNED", "2", "CUDA_VISIBLE_DEVICES", "2", "JDPL_GPU_INDEX", "0"),
            env.variables());
        assertEquals(0, env.openIndex());
    }

    @Test
    void shouldMapThroughTheDriversOwnCudaVisibleDevices()
    {
        final GpuProcessEnvironment env = GpuProcessEnvironment.of("cuda", 1, Map.of("CUDA_VISIBLE_DEVICES", "4, 6"));
        assertEquals("6", env.variables().get("CUDA_VISIBLE_DEVICES"));
        assertThrows(IllegalArgumentException.class, () -> GpuProcessEnvironment.of("cuda", 2, Map.of("CUDA_VISIBLE_DEVICES", "4,6")));
    }

    @Test
    void shouldLetAnOpenClProcessOpenItsIndexUnmasked()
    {
        final GpuProcessEnvironment env = GpuProcessEnvironment.of("opencl", 1, Map.of("CUDA_VISIBLE_DEVICES", "0,1"));
        assertEquals(Map.of("JDPL_GPU_BACKEND", "opencl", "JDPL_GPU_ASSIGNED", "1", "JDPL_GPU_INDEX", "1"), env.variables());
        assertEquals(1, env.openIndex());
    }
}
