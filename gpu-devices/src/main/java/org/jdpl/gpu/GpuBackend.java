package org.jdpl.gpu;

/**
 * A way to run kernels (CUDA, OpenCL, the CPU reference), registered with ServiceLoader under
 * {@code META-INF/services/org.jdpl.gpu.GpuBackend}. Probing must be cheap and must never throw:
 * a backend that cannot run here says why in its {@link BackendProbe}.
 */
public interface GpuBackend
{
    /** Short lower-case name used in {@code gpu.backend} ({@code cuda}, {@code opencl}, {@code cpu}). */
    String name();

    /** Whether this backend can run here, how many GPUs it sees, or why it cannot. */
    BackendProbe probe();

    /**
     * Opens the GPU with the given index (0-based, in this backend's own enumeration order). The
     * caller owns the context and closes it.
     *
     * @throws GpuException when the backend is unavailable or the index is out of range
     */
    GpuContext open(int gpuIndex);
}
