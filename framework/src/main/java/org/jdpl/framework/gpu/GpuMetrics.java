package org.jdpl.framework.gpu;

/**
 * The metric names a GPU device publishes after each timeframe (they reach the summary as
 * {@code <device>.gpu.kernel-ms}, ...), and which the runner copies into the run's counters for
 * {@code dpl status} and {@code dpl top}. One definition for the devices and the framework.
 */
public final class GpuMetrics
{
    /** Kernel execution time, as the GPU's events measured it, total ms. */
    public static final String KERNEL_MS = "gpu.kernel-ms";
    /** Kernel launches, total. */
    public static final String KERNELS = "gpu.kernels";
    /** Bytes copied to and from the GPU, total. */
    public static final String TRANSFER_BYTES = "gpu.transfer-bytes";
    /** Time of those copies, total ms. */
    public static final String TRANSFER_MS = "gpu.transfer-ms";
    /** Kernel and copy time over the time since the GPU was opened, 0..1. */
    public static final String BUSY_FRACTION = "gpu.busy-fraction";
    /** The most of the memory pool a timeframe used, bytes. */
    public static final String POOL_HIGH_WATER_BYTES = "gpu.pool-high-water-bytes";

    private GpuMetrics()
    {
    }
}
