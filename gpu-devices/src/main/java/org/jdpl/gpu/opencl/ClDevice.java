package org.jdpl.gpu.opencl;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One OpenCL device and its platform. GPU index i of the OpenCL backend is the i-th device of
 * {@link #list}: GPUs first, then accelerators, then other devices, then CPUs, each in platform
 * order, so the index a process is given means the same device in every process of the machine.
 */
record ClDevice(MemorySegment platform, MemorySegment device, String platformName, String deviceName, long type)
{
    static List<ClDevice> list(final ClCalls calls)
    {
        final List<ClDevice> devices = new ArrayList<>();
        for (final MemorySegment platform : calls.setup.platforms())
        {
            final String platformName = calls.setup.platformName(platform);
            for (final MemorySegment device : calls.setup.devices(platform))
            {
                devices.add(new ClDevice(platform, device, platformName, calls.setup.deviceString(device, ClSetupCalls.CL_DEVICE_NAME),
                    calls.setup.deviceLong(device, ClSetupCalls.CL_DEVICE_TYPE)));
            }
        }
        devices.sort(Comparator.comparingInt(ClDevice::rank));
        return devices;
    }

    /** {@code Portable Computing Language/cpu-haswell-AMD EPYC...}. */
    String describe()
    {
        return platformName + "/" + deviceName;
    }

    private int rank()
    {
        if ((type & ClSetupCalls.CL_DEVICE_TYPE_GPU) != 0)
        {
            return 0;
        }
        if ((type & ClSetupCalls.CL_DEVICE_TYPE_ACCELERATOR) != 0)
        {
            return 1;
        }
        return (type & ClSetupCalls.CL_DEVICE_TYPE_CPU) != 0 ? 3 : 2;
    }
}
