package org.jdpl.gpu.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;

import org.jdpl.gpu.BackendProbe;
import org.jdpl.gpu.GpuContext;
import org.jdpl.gpu.GpuContextContract;
import org.jdpl.gpu.GpuException;
import org.jdpl.testsupport.Hardware;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Where there is no NVIDIA driver (as on CI) the backend must say so precisely and refuse to open;
 * where there is one, the shared context contract runs on the real GPU.
 */
@Timeout(60)
class CudaBackendTest
{
    private final BackendProbe probe = new CudaBackend().probe();

    @Test
    void shouldSayPreciselyWhyItIsUnavailable()
    {
        Hardware.assumeNoCuda(probe.isAvailable(), probe.describe());
        System.out.println(probe.describe());
        assertEquals("cuda", probe.backend());
        assertTrue(probe.devices().isEmpty());
        assertFalse(probe.reason().isBlank());
        if (!libcudaLoadable())
        {
            assertEquals("libcuda.so.1 not found (no NVIDIA driver on this machine)", probe.reason());
        }
    }

    @Test
    void shouldRefuseToOpenWithTheSameReason()
    {
        Hardware.assumeNoCuda(probe.isAvailable(), probe.describe());
        final GpuException e = assertThrows(GpuException.class, () -> new CudaBackend().open(0));
        assertEquals(probe.reason(), e.getMessage());
    }

    @Test
    void shouldProbeTheSameWayTwice()
    {
        assertEquals(probe, new CudaBackend().probe(), "probing is cached and stable");
    }

    @Test
    void shouldRunTheContextContractOnARealGpu()
    {
        Hardware.assumeCuda(probe.isAvailable(), probe.reason());
        try (GpuContext context = new CudaBackend().open(0))
        {
            GpuContextContract.shouldCopyBothWays(context);
            GpuContextContract.shouldLaunchKernelWithArguments(context);
            GpuContextContract.shouldKeepSlicesApart(context);
        }
    }

    private static boolean libcudaLoadable()
    {
        try (Arena arena = Arena.ofConfined())
        {
            SymbolLookup.libraryLookup(CudaDriver.LIBRARY, arena);
            return true;
        }
        catch (final IllegalArgumentException e)
        {
            return false;
        }
    }
}
