package org.jdpl.gpu.cuda;

import java.lang.foreign.Arena;
import java.util.ArrayList;
import java.util.List;

import org.jdpl.gpu.BackendProbe;
import org.jdpl.gpu.GpuBackend;
import org.jdpl.gpu.GpuContext;
import org.jdpl.gpu.GpuException;

/**
 * CUDA through the driver API and NVRTC. GPU index i is CUDA ordinal i as this process sees it,
 * so with {@code CUDA_VISIBLE_DEVICES} set to one GPU that GPU is index 0.
 */
public final class CudaBackend implements GpuBackend
{
    public static final String NAME = "cuda";

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
            final CudaDriver driver = CudaDriver.load();
            final int count = driver.deviceCount(arena);
            if (count == 0)
            {
                return BackendProbe.unavailable(NAME, CudaDriver.LIBRARY + " loaded but it reports no GPU");
            }
            Nvrtc.load();
            final List<String> names = new ArrayList<>();
            for (int i = 0; i < count; i++)
            {
                names.add(driver.deviceName(arena, driver.device(arena, i)));
            }
            return BackendProbe.available(NAME, names);
        }
        catch (final GpuException e)
        {
            return BackendProbe.unavailable(NAME, e.getMessage());
        }
    }

    @Override
    public GpuContext open(final int gpuIndex)
    {
        final CudaDriver driver = CudaDriver.load();
        final Nvrtc nvrtc = Nvrtc.load();
        final Arena arena = Arena.ofShared();
        try
        {
            final int count = driver.deviceCount(arena);
            if (gpuIndex < 0 || gpuIndex >= count)
            {
                throw new GpuException("CUDA GPU index " + gpuIndex + " does not exist: this process sees " + count +
                    " GPU(s) (CUDA_VISIBLE_DEVICES=" + System.getenv().getOrDefault("CUDA_VISIBLE_DEVICES", "unset") + ")");
            }
            return new CudaContext(driver, nvrtc, arena, driver.device(arena, gpuIndex));
        }
        catch (final RuntimeException e)
        {
            arena.close();
            throw e;
        }
    }
}
