package org.jdpl.gpu.session;

import org.jdpl.framework.device.Options;
import org.jdpl.gpu.BackendSelector;
import org.jdpl.gpu.ownership.GpuReplica;

/**
 * A GPU device's GPU options, read and checked once.
 *
 * @param backend     {@code gpu.backend}: {@code auto}, or a backend name to force
 * @param index       {@code gpu.index}: a GPU index, or {@link GpuReplica#AUTO}
 * @param memoryBytes {@code gpu.memory}: the memory pool's size
 * @param share       {@code gpu.share}: whether GPU devices may share a GPU
 */
public record GpuSettings(String backend, int index, long memoryBytes, boolean share)
{
    public static final String BACKEND = "gpu.backend";
    public static final String INDEX = "gpu.index";
    public static final String MEMORY = "gpu.memory";
    public static final String SHARE = "gpu.share";

    public GpuSettings
    {
        if (memoryBytes <= 0)
        {
            throw new IllegalArgumentException(MEMORY + " = " + memoryBytes + " bytes; give the GPU memory pool a positive size (e.g. 256M)");
        }
    }

    /** Discovery, automatic index, no sharing. */
    public static GpuSettings defaults(final long memoryBytes)
    {
        return new GpuSettings(BackendSelector.AUTO, GpuReplica.AUTO, memoryBytes, false);
    }

    /** Reads the {@code gpu.*} options of a device. */
    public static GpuSettings from(final Options options)
    {
        return new GpuSettings(options.getString(BACKEND), GpuReplica.parseRequest(options.getString(INDEX)),
            options.getBytes(MEMORY), options.getBoolean(SHARE));
    }
}
