package org.jdpl.gpu;

import org.jdpl.framework.gpu.GpuDiscovery;
import org.jdpl.framework.gpu.GpuInventory;

/**
 * The planner's view of this machine's GPUs, through {@link BackendSelector}: the backend
 * discovery chooses (CUDA, then OpenCL, then the CPU reference) or the one requested, its GPUs,
 * and the line saying why others were skipped. Registered under
 * {@code META-INF/services/org.jdpl.framework.gpu.GpuDiscovery}.
 */
public final class BackendDiscovery implements GpuDiscovery
{
    @Override
    public GpuInventory discover(final String requestedBackend)
    {
        try
        {
            final BackendSelection selection = BackendSelector.fromClassPath().select(requestedBackend);
            return GpuInventory.available(selection.backend().name(), selection.probe().devices(), selection.describe());
        }
        catch (final GpuException e)
        {
            return GpuInventory.unavailable(requestedBackend, e.getMessage());
        }
    }
}
