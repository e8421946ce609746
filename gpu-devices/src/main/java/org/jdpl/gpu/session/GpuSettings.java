package org.jdpl.gpu.session;

import java.util.Map;

import org.jdpl.framework.gpu.GpuProcessEnvironment;
import org.jdpl.framework.gpu.GpuReplica;
import org.jdpl.gpu.BackendSelector;

/**
 * A GPU device's GPU settings, read and checked once. The topology's {@code gpu} key says them
 * ({@code gpu { index = auto, share = false, backend = auto, memory = 64M }}); the plan resolves
 * them and the driver hands them to the process in its environment
 * ({@link GpuProcessEnvironment}), where {@link #fromEnvironment} reads them.
 *
 * @param backend     {@code gpu.backend}: {@code auto}, or a backend name to force
 * @param index       the GPU index to open, or {@link GpuReplica#AUTO} (0)
 * @param memoryBytes {@code gpu.memory}: the memory pool's size
 * @param share       {@code gpu.share}: whether GPU devices may share a GPU
 */
public record GpuSettings(String backend, int index, long memoryBytes, boolean share)
{
    /** The pool size when a process is started without the driver's {@code JDPL_GPU_MEMORY}. */
    public static final long DEFAULT_MEMORY_BYTES = 64L << 20;

    public GpuSettings
    {
        if (memoryBytes <= 0)
        {
            throw new IllegalArgumentException("gpu.memory = " + memoryBytes + " bytes; give the GPU memory pool a positive size " +
                "(e.g. gpu.memory = 256M)");
        }
    }

    /** Discovery, automatic index, no sharing. */
    public static GpuSettings defaults(final long memoryBytes)
    {
        return new GpuSettings(BackendSelector.AUTO, GpuReplica.AUTO, memoryBytes, false);
    }

    /** What the driver put into the process's environment; defaults for what it did not (a process started by hand). */
    public static GpuSettings fromEnvironment(final Map<String, String> environment)
    {
        final String memory = environment.get(GpuProcessEnvironment.MEMORY);
        final long memoryBytes;
        try
        {
            memoryBytes = memory == null ? DEFAULT_MEMORY_BYTES : Long.parseLong(memory.strip());
        }
        catch (final NumberFormatException e)
        {
            throw new IllegalArgumentException(GpuProcessEnvironment.MEMORY + "=" + memory + " is not a size in bytes; the driver " +
                "sets it, so this process was started by hand with a wrong value");
        }
        return new GpuSettings(environment.getOrDefault(GpuProcessEnvironment.BACKEND, BackendSelector.AUTO), GpuReplica.AUTO,
            memoryBytes, false);
    }
}
