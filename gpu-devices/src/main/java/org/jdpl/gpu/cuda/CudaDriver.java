package org.jdpl.gpu.cuda;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.jdpl.gpu.GpuException;

/**
 * Downcalls into the CUDA driver API, typed and checked: a failing call becomes a
 * {@link GpuException} naming the call and the {@code CUDA_ERROR_*} name. One instance per
 * process ({@link #load()}); out-parameters come from the caller's arena. The per-timeframe calls
 * (copies, launches, events, making the context current) call their handles directly and build
 * messages only on failure, so they allocate nothing.
 */
final class CudaDriver
{
    static final String LIBRARY = "libcuda.so.1";

    private static final FunctionDescriptor INT_OF_ADDRESS = FunctionDescriptor.of(JAVA_INT, ADDRESS);

    private static volatile Object loaded;

    private final MethodHandle cuInit;
    private final MethodHandle cuGetErrorName;
    private final MethodHandle cuDeviceGetCount;
    private final MethodHandle cuDeviceGet;
    private final MethodHandle cuDeviceGetName;
    private final MethodHandle cuDeviceTotalMem;
    private final MethodHandle cuDevicePrimaryCtxRetain;
    private final MethodHandle cuDevicePrimaryCtxRelease;
    private final MethodHandle cuCtxSetCurrent;
    private final MethodHandle cuCtxSynchronize;
    private final MethodHandle cuMemAlloc;
    private final MethodHandle cuMemFree;
    private final MethodHandle cuMemcpyHtoD;
    private final MethodHandle cuMemcpyDtoH;
    private final MethodHandle cuModuleLoadData;
    private final MethodHandle cuModuleUnload;
    private final MethodHandle cuModuleGetFunction;
    private final MethodHandle cuLaunchKernel;
    private final MethodHandle cuEventCreate;
    private final MethodHandle cuEventDestroy;
    private final MethodHandle cuEventRecord;
    private final MethodHandle cuEventSynchronize;
    private final MethodHandle cuEventElapsedTime;

    private CudaDriver(final SymbolLookup lookup)
    {
        cuInit = bind(lookup, "cuInit", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
        cuGetErrorName = bind(lookup, "cuGetErrorName", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS));
        cuDeviceGetCount = bind(lookup, "cuDeviceGetCount", INT_OF_ADDRESS);
        cuDeviceGet = bind(lookup, "cuDeviceGet", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        cuDeviceGetName = bind(lookup, "cuDeviceGetName", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT));
        cuDeviceTotalMem = bind(lookup, "cuDeviceTotalMem_v2", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        cuDevicePrimaryCtxRetain = bind(lookup, "cuDevicePrimaryCtxRetain", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        cuDevicePrimaryCtxRelease = bind(lookup, "cuDevicePrimaryCtxRelease_v2", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
        cuCtxSetCurrent = bind(lookup, "cuCtxSetCurrent", INT_OF_ADDRESS);
        cuCtxSynchronize = bind(lookup, "cuCtxSynchronize", FunctionDescriptor.of(JAVA_INT));
        cuMemAlloc = bind(lookup, "cuMemAlloc_v2", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG));
        cuMemFree = bind(lookup, "cuMemFree_v2", FunctionDescriptor.of(JAVA_INT, JAVA_LONG));
        cuMemcpyHtoD = bind(lookup, "cuMemcpyHtoD_v2", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, ADDRESS, JAVA_LONG));
        cuMemcpyDtoH = bind(lookup, "cuMemcpyDtoH_v2", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_LONG));
        cuModuleLoadData = bind(lookup, "cuModuleLoadData", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        cuModuleUnload = bind(lookup, "cuModuleUnload", INT_OF_ADDRESS);
        cuModuleGetFunction = bind(lookup, "cuModuleGetFunction", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS));
        cuLaunchKernel = bind(lookup, "cuLaunchKernel", FunctionDescriptor.of(JAVA_INT, ADDRESS,
            JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, ADDRESS));
        cuEventCreate = bind(lookup, "cuEventCreate", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        cuEventDestroy = bind(lookup, "cuEventDestroy_v2", INT_OF_ADDRESS);
        cuEventRecord = bind(lookup, "cuEventRecord", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        cuEventSynchronize = bind(lookup, "cuEventSynchronize", INT_OF_ADDRESS);
        cuEventElapsedTime = bind(lookup, "cuEventElapsedTime", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS));
    }

    /**
     * The driver, loaded and initialised on first use.
     *
     * @throws GpuException saying why not ({@code libcuda.so.1 not found}, {@code cuInit failed with ...})
     */
    static CudaDriver load()
    {
        Object result = loaded;
        if (result == null)
        {
            synchronized (CudaDriver.class)
            {
                result = loaded;
                if (result == null)
                {
                    result = tryLoad();
                    loaded = result;
                }
            }
        }
        if (result instanceof final CudaDriver driver)
        {
            return driver;
        }
        throw new GpuException((String)result);
    }

    private static Object tryLoad()
    {
        try
        {
            final Optional<SymbolLookup> lookup = NativeLibraries.find(List.of(LIBRARY));
            if (lookup.isEmpty())
            {
                return LIBRARY + " not found (no NVIDIA driver on this machine)";
            }
            final CudaDriver driver = new CudaDriver(lookup.get());
            driver.init();
            return driver;
        }
        catch (final GpuException e)
        {
            return e.getMessage();
        }
    }

    private void init()
    {
        check(call("cuInit", () -> (int)cuInit.invokeExact(0)), "cuInit", "initialising the CUDA driver");
    }

    int deviceCount(final Arena arena)
    {
        final MemorySegment count = arena.allocate(JAVA_INT);
        check(call("cuDeviceGetCount", () -> (int)cuDeviceGetCount.invokeExact(count)), "cuDeviceGetCount", "counting GPUs");
        return count.get(JAVA_INT, 0);
    }

    int device(final Arena arena, final int ordinal)
    {
        final MemorySegment device = arena.allocate(JAVA_INT);
        check(call("cuDeviceGet", () -> (int)cuDeviceGet.invokeExact(device, ordinal)), "cuDeviceGet", "opening GPU " + ordinal);
        return device.get(JAVA_INT, 0);
    }

    String deviceName(final Arena arena, final int device)
    {
        final int length = 256;
        final MemorySegment name = arena.allocate(length);
        check(call("cuDeviceGetName", () -> (int)cuDeviceGetName.invokeExact(name, length, device)), "cuDeviceGetName",
            "reading a GPU's name");
        return name.getString(0, StandardCharsets.UTF_8);
    }

    long deviceMemory(final Arena arena, final int device)
    {
        final MemorySegment bytes = arena.allocate(JAVA_LONG);
        check(call("cuDeviceTotalMem_v2", () -> (int)cuDeviceTotalMem.invokeExact(bytes, device)), "cuDeviceTotalMem_v2",
            "reading a GPU's memory size");
        return bytes.get(JAVA_LONG, 0);
    }

    MemorySegment retainPrimaryContext(final Arena arena, final int device)
    {
        final MemorySegment context = arena.allocate(ADDRESS);
        check(call("cuDevicePrimaryCtxRetain", () -> (int)cuDevicePrimaryCtxRetain.invokeExact(context, device)),
            "cuDevicePrimaryCtxRetain", "creating the GPU's context");
        return context.get(ADDRESS, 0);
    }

    void releasePrimaryContext(final int device)
    {
        check(call("cuDevicePrimaryCtxRelease_v2", () -> (int)cuDevicePrimaryCtxRelease.invokeExact(device)),
            "cuDevicePrimaryCtxRelease_v2", "releasing the GPU's context");
    }

    void setCurrent(final MemorySegment context)
    {
        final int code;
        try
        {
            code = (int)cuCtxSetCurrent.invokeExact(context);
        }
        catch (final Throwable t)
        {
            throw NativeLibraries.failed("CUDA cuCtxSetCurrent", t);
        }
        if (code != 0)
        {
            throw failure(code, "cuCtxSetCurrent", "making the GPU's context current");
        }
    }

    void synchronize()
    {
        check(call("cuCtxSynchronize", () -> (int)cuCtxSynchronize.invokeExact()), "cuCtxSynchronize", "waiting for the GPU");
    }

    long allocate(final Arena arena, final long sizeBytes)
    {
        final MemorySegment pointer = arena.allocate(JAVA_LONG);
        check(call("cuMemAlloc_v2", () -> (int)cuMemAlloc.invokeExact(pointer, sizeBytes)), "cuMemAlloc_v2",
            "allocating " + sizeBytes + " bytes of GPU memory");
        return pointer.get(JAVA_LONG, 0);
    }

    void free(final long pointer)
    {
        check(call("cuMemFree_v2", () -> (int)cuMemFree.invokeExact(pointer)), "cuMemFree_v2", "freeing GPU memory");
    }

    void copyToDevice(final long target, final MemorySegment source)
    {
        final int code;
        try
        {
            code = (int)cuMemcpyHtoD.invokeExact(target, source, source.byteSize());
        }
        catch (final Throwable t)
        {
            throw NativeLibraries.failed("CUDA cuMemcpyHtoD_v2", t);
        }
        if (code != 0)
        {
            throw failure(code, "cuMemcpyHtoD_v2", "copying " + source.byteSize() + " bytes to the GPU");
        }
    }

    void copyFromDevice(final MemorySegment target, final long source)
    {
        final int code;
        try
        {
            code = (int)cuMemcpyDtoH.invokeExact(target, source, target.byteSize());
        }
        catch (final Throwable t)
        {
            throw NativeLibraries.failed("CUDA cuMemcpyDtoH_v2", t);
        }
        if (code != 0)
        {
            throw failure(code, "cuMemcpyDtoH_v2", "copying " + target.byteSize() + " bytes from the GPU");
        }
    }

    MemorySegment loadModule(final Arena arena, final MemorySegment ptx, final String program)
    {
        final MemorySegment module = arena.allocate(ADDRESS);
        check(call("cuModuleLoadData", () -> (int)cuModuleLoadData.invokeExact(module, ptx)), "cuModuleLoadData",
            "loading the PTX of program '" + program + "'");
        return module.get(ADDRESS, 0);
    }

    void unloadModule(final MemorySegment module)
    {
        check(call("cuModuleUnload", () -> (int)cuModuleUnload.invokeExact(module)), "cuModuleUnload", "unloading a program");
    }

    MemorySegment function(final Arena arena, final MemorySegment module, final String name)
    {
        final MemorySegment function = arena.allocate(ADDRESS);
        final MemorySegment text = arena.allocateFrom(name, StandardCharsets.UTF_8);
        check(call("cuModuleGetFunction", () -> (int)cuModuleGetFunction.invokeExact(function, module, text)), "cuModuleGetFunction",
            "looking up kernel '" + name + "'");
        return function.get(ADDRESS, 0);
    }

    void launch(final MemorySegment function, final String name, final int blocks, final int threads, final MemorySegment params)
    {
        final int code;
        try
        {
            code = (int)cuLaunchKernel.invokeExact(function, blocks, 1, 1, threads, 1, 1, 0, MemorySegment.NULL, params, MemorySegment.NULL);
        }
        catch (final Throwable t)
        {
            throw NativeLibraries.failed("CUDA cuLaunchKernel", t);
        }
        if (code != 0)
        {
            throw failure(code, "cuLaunchKernel", "launching kernel '" + name + "' in " + blocks + " blocks of " + threads);
        }
    }

    MemorySegment createEvent(final Arena arena)
    {
        final MemorySegment event = arena.allocate(ADDRESS);
        check(call("cuEventCreate", () -> (int)cuEventCreate.invokeExact(event, 0)), "cuEventCreate", "creating a timing event");
        return event.get(ADDRESS, 0);
    }

    void destroyEvent(final MemorySegment event)
    {
        check(call("cuEventDestroy_v2", () -> (int)cuEventDestroy.invokeExact(event)), "cuEventDestroy_v2", "destroying an event");
    }

    void record(final MemorySegment event)
    {
        final int code;
        try
        {
            code = (int)cuEventRecord.invokeExact(event, MemorySegment.NULL);
        }
        catch (final Throwable t)
        {
            throw NativeLibraries.failed("CUDA cuEventRecord", t);
        }
        if (code != 0)
        {
            throw failure(code, "cuEventRecord", "recording a timing event");
        }
    }

    /** Waits for {@code end}; the time between the two events in ns. */
    long elapsedNs(final MemorySegment start, final MemorySegment end, final MemorySegment millisOut)
    {
        final int waited;
        final int timed;
        try
        {
            waited = (int)cuEventSynchronize.invokeExact(end);
            timed = waited != 0 ? 0 : (int)cuEventElapsedTime.invokeExact(millisOut, start, end);
        }
        catch (final Throwable t)
        {
            throw NativeLibraries.failed("CUDA cuEventSynchronize/cuEventElapsedTime", t);
        }
        if (waited != 0)
        {
            throw failure(waited, "cuEventSynchronize", "waiting for a kernel");
        }
        if (timed != 0)
        {
            throw failure(timed, "cuEventElapsedTime", "reading a kernel's timing");
        }
        return (long)(millisOut.get(JAVA_FLOAT, 0) * 1e6);
    }

    private void check(final int code, final String call, final String doing)
    {
        if (code != 0)
        {
            throw failure(code, call, doing);
        }
    }

    private GpuException failure(final int code, final String call, final String doing)
    {
        return new GpuException("CUDA " + call + " failed with " + errorName(code) + " while " + doing);
    }

    private String errorName(final int code)
    {
        try (Arena arena = Arena.ofConfined())
        {
            final MemorySegment name = arena.allocate(ADDRESS);
            final int found = (int)cuGetErrorName.invokeExact(code, name);
            if (found == 0)
            {
                return name.get(ADDRESS, 0).reinterpret(256).getString(0, StandardCharsets.UTF_8) + " (" + code + ")";
            }
        }
        catch (final Throwable t)
        {
            // Fall through to the bare code.
        }
        return "CUDA error " + code;
    }

    private static MethodHandle bind(final SymbolLookup lookup, final String name, final FunctionDescriptor descriptor)
    {
        return NativeLibraries.bind(lookup, LIBRARY, name, descriptor);
    }

    private static int call(final String name, final IntCall downcall)
    {
        try
        {
            return downcall.call();
        }
        catch (final Throwable t)
        {
            throw NativeLibraries.failed("CUDA " + name, t);
        }
    }

    @FunctionalInterface
    private interface IntCall
    {
        int call() throws Throwable;
    }
}
