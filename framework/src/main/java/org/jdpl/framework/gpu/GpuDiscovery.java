package org.jdpl.framework.gpu;

import java.util.ServiceLoader;

/**
 * Finds the GPUs of this machine for the planner, which must know how many there are to give
 * each GPU device replica its own. A GPU module registers one under
 * {@code META-INF/services/org.jdpl.framework.gpu.GpuDiscovery}; the framework itself knows no
 * backend. Discovery must never throw: what is missing goes into the inventory's reason.
 */
public interface GpuDiscovery
{
    /** Discovery when no GPU module is on the class path. */
    GpuDiscovery NONE = requested -> GpuInventory.unavailable(requested,
        "no GPU module on the class path (jdpl-gpu-devices registers the backends)");

    /**
     * @param requestedBackend {@value GpuRequest#AUTO_BACKEND} to discover (CUDA, then OpenCL, then the CPU reference), or a backend name
     */
    GpuInventory discover(String requestedBackend);

    /** The first discovery registered on the class path, or {@link #NONE}. */
    static GpuDiscovery fromClassPath()
    {
        return ServiceLoader.load(GpuDiscovery.class).findFirst().orElse(NONE);
    }
}
