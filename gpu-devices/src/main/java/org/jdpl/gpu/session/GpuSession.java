package org.jdpl.gpu.session;

import java.util.Map;

import org.jdpl.framework.device.Metrics;
import org.jdpl.framework.gpu.GpuMetrics;
import org.jdpl.gpu.BackendSelection;
import org.jdpl.gpu.BackendSelector;
import org.jdpl.gpu.GpuContext;
import org.jdpl.gpu.GpuMemoryPool;
import org.jdpl.gpu.GpuStats;
import org.jdpl.framework.gpu.GpuProcessEnvironment;
import org.jdpl.framework.gpu.GpuReplica;

/**
 * One GPU device's hold on its GPU, from {@code init} to the end of the run: the backend chosen
 * (the driver's choice when it set {@code JDPL_GPU_BACKEND}, else {@code gpu.backend}), the GPU
 * it owns (the driver's {@code JDPL_GPU_INDEX}, else {@code gpu.index}, else 0), and the memory
 * pool allocated once. Closed by the device at the end.
 */
public final class GpuSession implements AutoCloseable
{
    public static final String KERNEL_MS = GpuMetrics.KERNEL_MS;
    public static final String KERNELS = GpuMetrics.KERNELS;
    public static final String TRANSFER_BYTES = GpuMetrics.TRANSFER_BYTES;
    public static final String TRANSFER_MS = GpuMetrics.TRANSFER_MS;
    public static final String BUSY_FRACTION = GpuMetrics.BUSY_FRACTION;
    public static final String POOL_HIGH_WATER_BYTES = GpuMetrics.POOL_HIGH_WATER_BYTES;

    private final BackendSelection selection;
    private final int index;
    private final GpuContext context;
    private final GpuMemoryPool pool;
    private final long openedNs = System.nanoTime();

    private GpuSession(final BackendSelection selection, final int index, final GpuContext context, final GpuMemoryPool pool)
    {
        this.selection = selection;
        this.index = index;
        this.context = context;
        this.pool = pool;
    }

    /**
     * @param settings    the device's {@code gpu.*} options
     * @param selector    the backends to choose from
     * @param environment the process's environment ({@code System.getenv()})
     * @throws org.jdpl.gpu.GpuException saying what is missing or wrong
     */
    public static GpuSession open(final GpuSettings settings, final BackendSelector selector, final Map<String, String> environment)
    {
        final BackendSelection selection = selector.select(environment.getOrDefault(GpuProcessEnvironment.BACKEND, settings.backend()));
        final int index = index(settings, environment);
        final GpuContext context = selection.backend().open(index);
        try
        {
            return new GpuSession(selection, index, context, new GpuMemoryPool(context, settings.memoryBytes()));
        }
        catch (final RuntimeException e)
        {
            context.close();
            throw e;
        }
    }

    public BackendSelection selection()
    {
        return selection;
    }

    public GpuContext context()
    {
        return context;
    }

    public GpuMemoryPool pool()
    {
        return pool;
    }

    /** The index opened, in this process's view of the backend. */
    public int index()
    {
        return index;
    }

    /** One line for the device's log and the summary. */
    public String describe()
    {
        return selection.describe() + "; opened GPU " + index + " (" + context.deviceName() + "), memory pool " + pool.sizeBytes() +
            " bytes";
    }

    /** Publishes the GPU's totals as metrics; called after each timeframe. */
    public void publish(final Metrics metrics)
    {
        final GpuStats stats = context.stats();
        final long elapsedNs = Math.max(1, System.nanoTime() - openedNs);
        metrics.set(KERNEL_MS, stats.kernelNs() / 1e6);
        metrics.set(KERNELS, stats.kernelLaunches());
        metrics.set(TRANSFER_BYTES, stats.bytesToDevice() + stats.bytesFromDevice());
        metrics.set(TRANSFER_MS, stats.transferNs() / 1e6);
        metrics.set(BUSY_FRACTION, Math.min(1.0, (double)(stats.kernelNs() + stats.transferNs()) / elapsedNs));
        metrics.set(POOL_HIGH_WATER_BYTES, pool.highWaterBytes());
    }

    @Override
    public void close()
    {
        try
        {
            pool.close();
        }
        finally
        {
            context.close();
        }
    }

    private static int index(final GpuSettings settings, final Map<String, String> environment)
    {
        final String assigned = environment.get(GpuProcessEnvironment.INDEX);
        if (assigned != null)
        {
            try
            {
                return Integer.parseInt(assigned.strip());
            }
            catch (final NumberFormatException e)
            {
                throw new IllegalArgumentException(GpuProcessEnvironment.INDEX + "=" + assigned + " is not a GPU index; the driver " +
                    "sets it, so this process was started by hand with a wrong value");
            }
        }
        return settings.index() == GpuReplica.AUTO ? 0 : settings.index();
    }
}
