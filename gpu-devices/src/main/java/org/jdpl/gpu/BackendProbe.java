package org.jdpl.gpu;

import java.util.List;

/**
 * What probing a backend found.
 *
 * @param backend the backend's name
 * @param devices names of the GPUs it can open, index order; empty when unavailable
 * @param reason  why it is unavailable ({@code "libcuda.so.1 not found"}); empty when available
 */
public record BackendProbe(String backend, List<String> devices, String reason)
{
    public BackendProbe
    {
        devices = List.copyOf(devices);
    }

    public static BackendProbe available(final String backend, final List<String> devices)
    {
        if (devices.isEmpty())
        {
            return unavailable(backend, "no device found");
        }
        return new BackendProbe(backend, devices, "");
    }

    public static BackendProbe unavailable(final String backend, final String reason)
    {
        return new BackendProbe(backend, List.of(), reason);
    }

    public boolean isAvailable()
    {
        return !devices.isEmpty();
    }

    public int deviceCount()
    {
        return devices.size();
    }

    /** One line for logs and the summary: {@code opencl: 1 GPU (Portable Computing Language/cpu)}. */
    public String describe()
    {
        if (!isAvailable())
        {
            return backend + ": unavailable (" + reason + ")";
        }
        return backend + ": " + devices.size() + (devices.size() == 1 ? " GPU (" : " GPUs (") + String.join(", ", devices) + ")";
    }
}
