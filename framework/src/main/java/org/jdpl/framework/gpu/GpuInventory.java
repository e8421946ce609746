package org.jdpl.framework.gpu;

import java.util.List;

/**
 * The GPUs a run can hand out: the backend discovery chose, the GPUs it sees (index order), and
 * the line saying why it was chosen and why others were skipped, for the log and the summary.
 *
 * @param backend   the backend's name ({@code opencl})
 * @param devices   names of its GPUs, index order; empty when it is unavailable
 * @param reason    why it is unavailable; empty when available
 * @param discovery how it was chosen ({@code GPU backend opencl: 1 GPU (...) (discovered); skipped cuda: ...})
 */
public record GpuInventory(String backend, List<String> devices, String reason, String discovery)
{
    public GpuInventory
    {
        devices = List.copyOf(devices);
    }

    public static GpuInventory available(final String backend, final List<String> devices, final String discovery)
    {
        if (devices.isEmpty())
        {
            return unavailable(backend, "no device found");
        }
        return new GpuInventory(backend, devices, "", discovery);
    }

    public static GpuInventory unavailable(final String backend, final String reason)
    {
        return new GpuInventory(backend, List.of(), reason, "GPU backend " + backend + ": unavailable (" + reason + ")");
    }

    public boolean isAvailable()
    {
        return !devices.isEmpty();
    }

    public int deviceCount()
    {
        return devices.size();
    }
}
