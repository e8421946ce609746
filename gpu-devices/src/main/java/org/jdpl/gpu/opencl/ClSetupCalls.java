package org.jdpl.gpu.opencl;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.jdpl.gpu.GpuException;

/**
 * The OpenCL calls made once, at discovery and start-up: platforms, devices and their properties,
 * the context and queue, buffers, program builds and kernels. Typed and checked like
 * {@link ClCalls}; these allocate their out-parameters from the arena as they go.
 */
final class ClSetupCalls
{
    static final int CL_PLATFORM_NAME = 0x0902;
    static final long CL_DEVICE_TYPE_ALL = 0xFFFFFFFFL;
    static final int CL_DEVICE_TYPE = 0x1000;
    static final int CL_DEVICE_NAME = 0x102B;
    static final int CL_DEVICE_GLOBAL_MEM_SIZE = 0x101F;
    static final int CL_DEVICE_MEM_BASE_ADDR_ALIGN = 0x1019;
    static final long CL_DEVICE_TYPE_CPU = 1L << 1;
    static final long CL_DEVICE_TYPE_GPU = 1L << 2;
    static final long CL_DEVICE_TYPE_ACCELERATOR = 1L << 3;
    private static final int CL_DEVICE_NOT_FOUND = -1;
    private static final long CL_CONTEXT_PLATFORM = 0x1084;
    private static final long CL_QUEUE_PROPERTIES = 0x1093;
    private static final long CL_QUEUE_PROFILING_ENABLE = 1L << 1;
    private static final long CL_MEM_READ_WRITE = 1L;
    private static final int CL_PROGRAM_BUILD_LOG = 0x1183;

    private final OpenClLibrary cl;
    private final Arena arena;
    private final MemorySegment errcode;

    ClSetupCalls(final OpenClLibrary cl, final Arena arena)
    {
        this.cl = cl;
        this.arena = arena;
        this.errcode = arena.allocate(JAVA_INT);
    }

    List<MemorySegment> platforms()
    {
        final MemorySegment count = arena.allocate(JAVA_INT);
        int code = invokeInt("clGetPlatformIDs", () -> (int)cl.clGetPlatformIDs.invokeExact(0, MemorySegment.NULL, count));
        if (code == ClError.CL_PLATFORM_NOT_FOUND_KHR)
        {
            return List.of();
        }
        ClError.check(code, "clGetPlatformIDs", "counting OpenCL platforms");
        final int n = count.get(JAVA_INT, 0);
        final MemorySegment ids = arena.allocate(ADDRESS, Math.max(n, 1));
        code = invokeInt("clGetPlatformIDs", () -> (int)cl.clGetPlatformIDs.invokeExact(n, ids, MemorySegment.NULL));
        ClError.check(code, "clGetPlatformIDs", "listing OpenCL platforms");
        return handles(ids, n);
    }

    String platformName(final MemorySegment platform)
    {
        return infoString(cl.clGetPlatformInfo, "clGetPlatformInfo", platform, CL_PLATFORM_NAME);
    }

    List<MemorySegment> devices(final MemorySegment platform)
    {
        final MemorySegment count = arena.allocate(JAVA_INT);
        int code = invokeInt("clGetDeviceIDs",
            () -> (int)cl.clGetDeviceIDs.invokeExact(platform, CL_DEVICE_TYPE_ALL, 0, MemorySegment.NULL, count));
        if (code == CL_DEVICE_NOT_FOUND)
        {
            return List.of();
        }
        ClError.check(code, "clGetDeviceIDs", "counting the devices of an OpenCL platform");
        final int n = count.get(JAVA_INT, 0);
        final MemorySegment ids = arena.allocate(ADDRESS, Math.max(n, 1));
        code = invokeInt("clGetDeviceIDs",
            () -> (int)cl.clGetDeviceIDs.invokeExact(platform, CL_DEVICE_TYPE_ALL, n, ids, MemorySegment.NULL));
        ClError.check(code, "clGetDeviceIDs", "listing the devices of an OpenCL platform");
        return handles(ids, n);
    }

    String deviceString(final MemorySegment device, final int param)
    {
        return infoString(cl.clGetDeviceInfo, "clGetDeviceInfo", device, param);
    }

    long deviceLong(final MemorySegment device, final int param)
    {
        final MemorySegment value = arena.allocate(JAVA_LONG);
        final int code = invokeInt("clGetDeviceInfo",
            () -> (int)cl.clGetDeviceInfo.invokeExact(device, param, JAVA_LONG.byteSize(), value, MemorySegment.NULL));
        ClError.check(code, "clGetDeviceInfo", "reading device property 0x" + Integer.toHexString(param));
        return value.get(JAVA_LONG, 0);
    }

    int deviceInt(final MemorySegment device, final int param)
    {
        final MemorySegment value = arena.allocate(JAVA_INT);
        final int code = invokeInt("clGetDeviceInfo",
            () -> (int)cl.clGetDeviceInfo.invokeExact(device, param, JAVA_INT.byteSize(), value, MemorySegment.NULL));
        ClError.check(code, "clGetDeviceInfo", "reading device property 0x" + Integer.toHexString(param));
        return value.get(JAVA_INT, 0);
    }

    MemorySegment createContext(final MemorySegment platform, final MemorySegment device)
    {
        final MemorySegment properties = arena.allocateFrom(JAVA_LONG, CL_CONTEXT_PLATFORM, platform.address(), 0L);
        final MemorySegment devices = arena.allocateFrom(ADDRESS, device);
        return invokeHandle("clCreateContext", "creating an OpenCL context", () -> (MemorySegment)cl.clCreateContext.invokeExact(
            properties, 1, devices, MemorySegment.NULL, MemorySegment.NULL, errcode));
    }

    /** An in-order queue with profiling on; OpenCL 2.0's call when present, else 1.2's. */
    MemorySegment createQueue(final MemorySegment context, final MemorySegment device)
    {
        if (cl.clCreateCommandQueueWithProperties.isPresent())
        {
            final MethodHandle create = cl.clCreateCommandQueueWithProperties.get();
            final MemorySegment properties = arena.allocateFrom(JAVA_LONG, CL_QUEUE_PROPERTIES, CL_QUEUE_PROFILING_ENABLE, 0L);
            return invokeHandle("clCreateCommandQueueWithProperties", "creating a command queue",
                () -> (MemorySegment)create.invokeExact(context, device, properties, errcode));
        }
        final MethodHandle create = cl.clCreateCommandQueue.orElseThrow(
            () -> new GpuException(OpenClLibrary.LIBRARY + " has neither clCreateCommandQueueWithProperties nor clCreateCommandQueue"));
        return invokeHandle("clCreateCommandQueue", "creating a command queue",
            () -> (MemorySegment)create.invokeExact(context, device, CL_QUEUE_PROFILING_ENABLE, errcode));
    }

    MemorySegment createBuffer(final MemorySegment context, final long sizeBytes)
    {
        return invokeHandle("clCreateBuffer", "allocating " + sizeBytes + " bytes of GPU memory",
            () -> (MemorySegment)cl.clCreateBuffer.invokeExact(context, CL_MEM_READ_WRITE, sizeBytes, MemorySegment.NULL, errcode));
    }

    MemorySegment createProgram(final MemorySegment context, final String source)
    {
        final MemorySegment text = arena.allocateFrom(source, StandardCharsets.UTF_8);
        final MemorySegment strings = arena.allocateFrom(ADDRESS, text);
        return invokeHandle("clCreateProgramWithSource", "creating a program", () -> (MemorySegment)cl.clCreateProgramWithSource
            .invokeExact(context, 1, strings, MemorySegment.NULL, errcode));
    }

    /** Returns OpenCL's status code: a failed build is for the caller to report with its log. */
    int buildProgram(final MemorySegment program, final MemorySegment device, final String options)
    {
        final MemorySegment devices = arena.allocateFrom(ADDRESS, device);
        final MemorySegment optionText = arena.allocateFrom(options, StandardCharsets.UTF_8);
        return invokeInt("clBuildProgram",
            () -> (int)cl.clBuildProgram.invokeExact(program, 1, devices, optionText, MemorySegment.NULL, MemorySegment.NULL));
    }

    String buildLog(final MemorySegment program, final MemorySegment device)
    {
        final MemorySegment size = arena.allocate(JAVA_LONG);
        int code = invokeInt("clGetProgramBuildInfo", () -> (int)cl.clGetProgramBuildInfo.invokeExact(
            program, device, CL_PROGRAM_BUILD_LOG, 0L, MemorySegment.NULL, size));
        if (code != ClError.CL_SUCCESS)
        {
            return "(no build log: clGetProgramBuildInfo failed with " + ClError.name(code) + ")";
        }
        final long n = size.get(JAVA_LONG, 0);
        final MemorySegment log = arena.allocate(Math.max(n, 1));
        code = invokeInt("clGetProgramBuildInfo", () -> (int)cl.clGetProgramBuildInfo.invokeExact(
            program, device, CL_PROGRAM_BUILD_LOG, n, log, MemorySegment.NULL));
        return code == ClError.CL_SUCCESS ? log.getString(0, StandardCharsets.UTF_8) :
            "(no build log: clGetProgramBuildInfo failed with " + ClError.name(code) + ")";
    }

    MemorySegment createKernel(final MemorySegment program, final String name)
    {
        final MemorySegment text = arena.allocateFrom(name, StandardCharsets.UTF_8);
        return invokeHandle("clCreateKernel", "looking up kernel '" + name + "'",
            () -> (MemorySegment)cl.clCreateKernel.invokeExact(program, text, errcode));
    }

    private String infoString(final MethodHandle getter, final String call, final MemorySegment object, final int param)
    {
        final MemorySegment size = arena.allocate(JAVA_LONG);
        int code = invokeInt(call, () -> (int)getter.invokeExact(object, param, 0L, MemorySegment.NULL, size));
        ClError.check(code, call, "reading the size of property 0x" + Integer.toHexString(param));
        final long n = size.get(JAVA_LONG, 0);
        final MemorySegment text = arena.allocate(Math.max(n, 1));
        code = invokeInt(call, () -> (int)getter.invokeExact(object, param, n, text, MemorySegment.NULL));
        ClError.check(code, call, "reading property 0x" + Integer.toHexString(param));
        return text.getString(0, StandardCharsets.UTF_8).strip();
    }

    private MemorySegment invokeHandle(final String call, final String doing, final HandleCall downcall)
    {
        errcode.set(JAVA_INT, 0, ClError.CL_SUCCESS);
        final MemorySegment handle;
        try
        {
            handle = downcall.call();
        }
        catch (final Throwable t)
        {
            throw OpenClLibrary.failed(call, t);
        }
        ClError.check(errcode.get(JAVA_INT, 0), call, doing);
        if (handle.equals(MemorySegment.NULL))
        {
            throw new GpuException("OpenCL " + call + " returned no object while " + doing);
        }
        return handle;
    }

    private static int invokeInt(final String call, final IntCall downcall)
    {
        try
        {
            return downcall.call();
        }
        catch (final Throwable t)
        {
            throw OpenClLibrary.failed(call, t);
        }
    }

    private static List<MemorySegment> handles(final MemorySegment ids, final int n)
    {
        final List<MemorySegment> handles = new ArrayList<>(n);
        for (int i = 0; i < n; i++)
        {
            handles.add(ids.getAtIndex(ADDRESS, i));
        }
        return handles;
    }

    @FunctionalInterface
    private interface IntCall
    {
        int call() throws Throwable;
    }

    @FunctionalInterface
    private interface HandleCall
    {
        MemorySegment call() throws Throwable;
    }
}
