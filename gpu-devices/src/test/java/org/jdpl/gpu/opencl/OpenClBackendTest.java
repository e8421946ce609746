package org.jdpl.gpu.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.jdpl.gpu.BackendProbe;
import org.jdpl.gpu.GpuBuildException;
import org.jdpl.gpu.GpuContext;
import org.jdpl.gpu.GpuContextContract;
import org.jdpl.gpu.GpuException;
import org.jdpl.gpu.KernelProgram;
import org.jdpl.gpu.OpenClAvailable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class OpenClBackendTest
{
    private GpuContext context;

    @BeforeEach
    void open()
    {
        context = OpenClAvailable.openFirstDevice();
    }

    @AfterEach
    void close()
    {
        if (context != null)
        {
            context.close();
        }
    }

    @Test
    void shouldDescribeTheDeviceItOpened()
    {
        final BackendProbe probe = new OpenClBackend().probe();
        System.out.println("OpenCL probe: " + probe.describe() + "; opened " + context.deviceName() + ", " +
            context.memoryBytes() + " bytes, alignment " + context.alignmentBytes());
        assertEquals("opencl", context.backend());
        assertEquals(probe.devices().getFirst(), context.deviceName());
        assertTrue(context.memoryBytes() > 0);
        assertTrue(context.alignmentBytes() >= 8 && Long.bitCount(context.alignmentBytes()) == 1);
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
    void shouldSurfaceTheBuildLogWhenAProgramDoesNotCompile()
    {
        final KernelProgram broken = new KernelProgram("broken", """
            KERNEL void broken(GLOBAL int* out)
            {
                out[GLOBAL_ID] = undeclared_variable_xyz;
            }
            """, Map.of());
        final GpuBuildException e = assertThrows(GpuBuildException.class, () -> context.build(broken));
        System.out.println(e.getMessage());
        assertTrue(e.getMessage().contains("CL_BUILD_PROGRAM_FAILURE (-11)"), e.getMessage());
        assertTrue(e.getMessage().contains("'broken'"), e.getMessage());
        assertTrue(e.buildLog().contains("undeclared_variable_xyz"), "the build log names the culprit: " + e.buildLog());
        assertTrue(e.buildLog().contains(":3:"), "build-log line numbers are the program's own: " + e.buildLog());
    }

    @Test
    void shouldNameTheOpenClErrorOfAFailedCall()
    {
        final GpuException e = assertThrows(GpuException.class, () -> context.build(GpuContextContract.SAXPB).kernel("no_such_kernel"));
        assertTrue(e.getMessage().contains("clCreateKernel failed with CL_INVALID_KERNEL_NAME (-46)"), e.getMessage());
        assertTrue(e.getMessage().contains("no_such_kernel"), e.getMessage());
    }

    @Test
    void shouldNameTheErrorOfALaunchWithArgumentsMissing()
    {
        final GpuException e = assertThrows(GpuException.class,
            () -> context.launch(context.build(GpuContextContract.SAXPB).kernel("saxpb"), 16, 0));
        assertTrue(e.getMessage().startsWith("OpenCL clEnqueueNDRangeKernel failed with CL_INVALID_KERNEL_ARGS (-52) while " +
            "launching kernel 'saxpb' over 16 work items"), e.getMessage());
    }

    @Test
    void shouldRefuseAGpuIndexThatDoesNotExist()
    {
        final GpuException e = assertThrows(GpuException.class, () -> new OpenClBackend().open(99));
        assertTrue(e.getMessage().contains("OpenCL GPU index 99 does not exist"), e.getMessage());
        assertFalse(e.getMessage().contains("[]"), "lists the devices there are: " + e.getMessage());
    }
}
