package org.jdpl.gpu.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jdpl.gpu.GpuContext;
import org.jdpl.gpu.GpuContextContract;
import org.jdpl.gpu.GpuException;
import org.jdpl.gpu.GpuProgram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CpuBackendTest
{
    private GpuContext context;

    @BeforeEach
    void open()
    {
        context = new CpuBackend().open(0);
    }

    @AfterEach
    void close()
    {
        context.close();
    }

    @Test
    void shouldAlwaysBeAvailableWithOneDevice()
    {
        assertTrue(new CpuBackend().probe().isAvailable());
        assertEquals(1, new CpuBackend().probe().deviceCount());
        assertEquals("cpu", context.backend());
        assertTrue(context.memoryBytes() > 0);
    }

    @Test
    void shouldCopyBothWays()
    {
        GpuContextContract.shouldCopyBothWays(context);
    }

    @Test
    void shouldLaunchKernelWithArguments()
    {
        GpuContextContract.shouldLaunchKernelWithArguments(context);
    }

    @Test
    void shouldKeepSlicesApart()
    {
        GpuContextContract.shouldKeepSlicesApart(context);
    }

    @Test
    void shouldSayWhichJavaKernelIsMissing()
    {
        try (GpuProgram program = context.build(GpuContextContract.SAXPB))
        {
            final GpuException e = assertThrows(GpuException.class, () -> program.kernel("other"));
            assertEquals("GPU program 'saxpb' has no Java implementation of kernel 'other' for the cpu backend; it has [saxpb]",
                e.getMessage());
        }
    }

    @Test
    void shouldRefuseAnyIndexButZero()
    {
        final GpuException e = assertThrows(GpuException.class, () -> new CpuBackend().open(1));
        assertEquals("the cpu backend has one device, index 0; index 1 does not exist", e.getMessage());
    }
}
