package org.jdpl.gpu.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jdpl.framework.device.Metrics;
import org.jdpl.framework.gpu.GpuReplica;
import org.jdpl.gpu.BackendSelector;
import org.jdpl.gpu.GpuBuffer;
import org.jdpl.gpu.GpuException;
import org.jdpl.gpu.cpu.CpuBackend;
import org.junit.jupiter.api.Test;

class GpuSessionTest
{
    @Test
    void shouldPublishTheGpuMetricsAfterATimeframe()
    {
        final BackendSelector cpuOnly = new BackendSelector(List.of(new CpuBackend()));
        final Map<String, Double> published = new HashMap<>();
        final Metrics metrics = new Metrics()
        {
            @Override
            public void set(final String name, final double value)
            {
                published.put(name, value);
            }

            @Override
            public void add(final String name, final double delta)
            {
                published.merge(name, delta, Double::sum);
            }

            @Override
            public double get(final String name)
            {
                return published.getOrDefault(name, 0.0);
            }
        };
        try (GpuSession session = GpuSession.open(GpuSettings.defaults(1 << 16), cpuOnly, Map.of());
             Arena arena = Arena.ofConfined())
        {
            session.pool().begin(0);
            final GpuBuffer buffer = session.pool().take(1000, "data");
            final MemorySegment host = arena.allocate(1000);
            session.context().copyToDevice(host, buffer, 0);
            session.context().copyFromDevice(buffer, 0, host);
            session.pool().reset();
            session.publish(metrics);
            assertEquals(2000.0, published.get(GpuSession.TRANSFER_BYTES));
            assertEquals(1000.0, published.get(GpuSession.POOL_HIGH_WATER_BYTES));
            assertEquals(0.0, published.get(GpuSession.KERNELS));
            final double busy = published.get(GpuSession.BUSY_FRACTION);
            assertTrue(busy >= 0 && busy <= 1, "busy fraction " + busy);
            assertTrue(published.containsKey(GpuSession.KERNEL_MS) && published.containsKey(GpuSession.TRANSFER_MS));
        }
    }

    @Test
    void shouldTakeTheIndexFromTheDriverBeforeTheOption()
    {
        final BackendSelector cpuOnly = new BackendSelector(List.of(new CpuBackend()));
        final GpuSettings settings = new GpuSettings("auto", 3, 1 << 16, false);
        final GpuException e = assertThrows(GpuException.class, () -> GpuSession.open(settings, cpuOnly, Map.of()));
        assertEquals("the cpu backend has one device, index 0; index 3 does not exist", e.getMessage());
        try (GpuSession session = GpuSession.open(settings, cpuOnly, Map.of("JDPL_GPU_INDEX", "0")))
        {
            assertEquals(0, session.index());
        }
    }

    @Test
    void shouldRefuseAPoolOfNoSize()
    {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GpuSettings.defaults(0));
        assertEquals("gpu.memory = 0 bytes; give the GPU memory pool a positive size (e.g. gpu.memory = 256M)", e.getMessage());
    }

    @Test
    void shouldReadWhatTheDriverHandsOverFromTheEnvironment()
    {
        final GpuSettings handed = GpuSettings.fromEnvironment(Map.of("JDPL_GPU_BACKEND", "cpu", "JDPL_GPU_INDEX", "0",
            "JDPL_GPU_MEMORY", "1048576"));
        assertEquals(new GpuSettings("cpu", GpuReplica.AUTO, 1 << 20, false), handed);
        assertEquals(GpuSettings.defaults(GpuSettings.DEFAULT_MEMORY_BYTES), GpuSettings.fromEnvironment(Map.of()));
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> GpuSettings.fromEnvironment(Map.of("JDPL_GPU_MEMORY", "lots")));
        assertEquals("JDPL_GPU_MEMORY=lots is not a size in bytes; the driver sets it, so this process was started by hand with a " +
            "wrong value", e.getMessage());
    }
}
