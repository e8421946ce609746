package org.jdpl.gpu.cpu;

import java.lang.management.ManagementFactory;
import java.util.List;

import org.jdpl.gpu.BackendProbe;
import org.jdpl.gpu.GpuBackend;
import org.jdpl.gpu.GpuContext;
import org.jdpl.gpu.GpuException;

/** The CPU reference backend: one "GPU", the host, running kernels' Java implementations. */
public final class CpuBackend implements GpuBackend
{
    public static final String NAME = "cpu";

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public BackendProbe probe()
    {
        return BackendProbe.available(NAME, List.of(deviceName()));
    }

    @Override
    public GpuContext open(final int gpuIndex)
    {
        if (gpuIndex != 0)
        {
            throw new GpuException("the cpu backend has one device, index 0; index " + gpuIndex + " does not exist");
        }
        return new CpuContext(deviceName(), hostMemoryBytes());
    }

    private static String deviceName()
    {
        return "Java " + Runtime.version().feature() + " on " + System.getProperty("os.arch") + " (" +
            Runtime.getRuntime().availableProcessors() + " cores)";
    }

    private static long hostMemoryBytes()
    {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof final com.sun.management.OperatingSystemMXBean os)
        {
            return os.getTotalMemorySize();
        }
        return Runtime.getRuntime().maxMemory();
    }
}
