package org.jdpl.gpu.opencl;

import java.lang.foreign.Arena;
import java.util.List;

import org.jdpl.gpu.BackendProbe;
import org.jdpl.gpu.GpuBackend;
import org.jdpl.gpu.GpuContext;
import org.jdpl.gpu.GpuException;

/** OpenCL through the system's ICD loader ({@code libOpenCL.so.1}); every platform's devices count. */
public final class OpenClBackend implements GpuBackend
{
    public static final String NAME = "opencl";

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public BackendProbe probe()
    {
        try (Arena arena = Arena.ofConfined())
        {
            final List<ClDevice> devices = ClDevice.list(new ClCalls(OpenClLibrary.load(), arena));
            if (devices.isEmpty())
            {
                return BackendProbe.unavailable(NAME, "no OpenCL platform or device found (" + OpenClLibrary.LIBRARY +
                    " loaded, but no driver is registered in /etc/OpenCL/vendors; install one, e.g. pocl-opencl-icd)");
            }
            return BackendProbe.available(NAME, devices.stream().map(ClDevice::describe).toList());
        }
        catch (final GpuException e)
        {
            return BackendProbe.unavailable(NAME, e.getMessage());
        }
    }

    @Override
    public GpuContext open(final int gpuIndex)
    {
        final Arena arena = Arena.ofShared();
        try
        {
            final ClCalls calls = new ClCalls(OpenClLibrary.load(), arena);
            final List<ClDevice> devices = ClDevice.list(calls);
            if (gpuIndex < 0 || gpuIndex >= devices.size())
            {
                throw new GpuException("OpenCL GPU index " + gpuIndex + " does not exist: this machine has " + devices.size() +
                    " OpenCL device(s) " + devices.stream().map(ClDevice::describe).toList());
            }
            return new OpenClContext(calls, arena, devices.get(gpuIndex));
        }
        catch (final RuntimeException e)
        {
            arena.close();
            throw e;
        }
    }
}
