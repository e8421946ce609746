package org.jdpl.gpu.opencl;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

import org.jdpl.gpu.GpuException;

/**
 * Downcalls into the OpenCL ICD loader, one method per OpenCL function we use, with OpenCL's own
 * names and argument order. {@code size_t} is a {@code long}, {@code cl_bool}/{@code cl_uint} an
 * {@code int}, handles and pointers are {@link MemorySegment}s. Loaded once per process.
 */
final class OpenClLibrary
{
    static final String LIBRARY = "libOpenCL.so.1";

    private static final FunctionDescriptor INFO = FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_LONG, ADDRESS, ADDRESS);
    private static final FunctionDescriptor RELEASE = FunctionDescriptor.of(JAVA_INT, ADDRESS);
    private static final FunctionDescriptor TRANSFER = FunctionDescriptor.of(JAVA_INT,
        ADDRESS, ADDRESS, JAVA_INT, JAVA_LONG, JAVA_LONG, ADDRESS, JAVA_INT, ADDRESS, ADDRESS);

    private static volatile Object loaded;

    private final SymbolLookup lookup;
    private final Linker linker = Linker.nativeLinker();

    final MethodHandle clGetPlatformIDs;
    final MethodHandle clGetPlatformInfo;
    final MethodHandle clGetDeviceIDs;
    final MethodHandle clGetDeviceInfo;
    final MethodHandle clCreateContext;
    final Optional<MethodHandle> clCreateCommandQueueWithProperties;
    final Optional<MethodHandle> clCreateCommandQueue;
    final MethodHandle clCreateBuffer;
    final MethodHandle clCreateSubBuffer;
    final MethodHandle clEnqueueWriteBuffer;
    final MethodHandle clEnqueueReadBuffer;
    final MethodHandle clCreateProgramWithSource;
    final MethodHandle clBuildProgram;
    final MethodHandle clGetProgramBuildInfo;
    final MethodHandle clCreateKernel;
    final MethodHandle clSetKernelArg;
    final MethodHandle clEnqueueNDRangeKernel;
    final MethodHandle clFinish;
    final MethodHandle clWaitForEvents;
    final MethodHandle clGetEventProfilingInfo;
    final MethodHandle clReleaseEvent;
    final MethodHandle clReleaseKernel;
    final MethodHandle clReleaseProgram;
    final MethodHandle clReleaseMemObject;
    final MethodHandle clReleaseCommandQueue;
    final MethodHandle clReleaseContext;

    private OpenClLibrary(final SymbolLookup lookup)
    {
        this.lookup = lookup;
        clGetPlatformIDs = bind("clGetPlatformIDs", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
        clGetPlatformInfo = bind("clGetPlatformInfo", INFO);
        clGetDeviceIDs = bind("clGetDeviceIDs", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT, ADDRESS, ADDRESS));
        clGetDeviceInfo = bind("clGetDeviceInfo", INFO);
        clCreateContext = bind("clCreateContext",
            FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS));
        clCreateCommandQueueWithProperties = bindOptional("clCreateCommandQueueWithProperties",
            FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS));
        clCreateCommandQueue = bindOptional("clCreateCommandQueue",
            FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS));
        clCreateBuffer = bind("clCreateBuffer", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG, JAVA_LONG, ADDRESS, ADDRESS));
        clCreateSubBuffer = bind("clCreateSubBuffer", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG, JAVA_INT, ADDRESS, ADDRESS));
        clEnqueueWriteBuffer = bind("clEnqueueWriteBuffer", TRANSFER);
        clEnqueueReadBuffer = bind("clEnqueueReadBuffer", TRANSFER);
        clCreateProgramWithSource = bind("clCreateProgramWithSource",
            FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT, ADDRESS, ADDRESS, ADDRESS));
        clBuildProgram = bind("clBuildProgram", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS));
        clGetProgramBuildInfo = bind("clGetProgramBuildInfo",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, JAVA_LONG, ADDRESS, ADDRESS));
        clCreateKernel = bind("clCreateKernel", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, ADDRESS));
        clSetKernelArg = bind("clSetKernelArg", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_LONG, ADDRESS));
        clEnqueueNDRangeKernel = bind("clEnqueueNDRangeKernel", FunctionDescriptor.of(JAVA_INT,
            ADDRESS, ADDRESS, JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_INT, ADDRESS, ADDRESS));
        clFinish = bind("clFinish", RELEASE);
        clWaitForEvents = bind("clWaitForEvents", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS));
        // A launch's event handle goes in as a pointer-sized integer (the same register class as a
        // pointer on the LP64 ABIs FFM supports), so timing a launch wraps no MemorySegment.
        clGetEventProfilingInfo = bind("clGetEventProfilingInfo",
            FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_INT, JAVA_LONG, ADDRESS, ADDRESS));
        clReleaseEvent = bind("clReleaseEvent", FunctionDescriptor.of(JAVA_INT, JAVA_LONG));
        clReleaseKernel = bind("clReleaseKernel", RELEASE);
        clReleaseProgram = bind("clReleaseProgram", RELEASE);
        clReleaseMemObject = bind("clReleaseMemObject", RELEASE);
        clReleaseCommandQueue = bind("clReleaseCommandQueue", RELEASE);
        clReleaseContext = bind("clReleaseContext", RELEASE);
    }

    /**
     * The library, loaded on first use; the same instance afterwards.
     *
     * @throws GpuException saying why it could not be loaded ({@code libOpenCL.so.1 not found})
     */
    static OpenClLibrary load()
    {
        Object result = loaded;
        if (result == null)
        {
            synchronized (OpenClLibrary.class)
            {
                result = loaded;
                if (result == null)
                {
                    result = tryLoad();
                    loaded = result;
                }
            }
        }
        if (result instanceof final OpenClLibrary library)
        {
            return library;
        }
        throw new GpuException((String)result);
    }

    private static Object tryLoad()
    {
        final SymbolLookup lookup;
        try
        {
            lookup = SymbolLookup.libraryLookup(LIBRARY, Arena.global());
        }
        catch (final IllegalArgumentException e)
        {
            return LIBRARY + " not found (install an OpenCL ICD loader and driver, e.g. ocl-icd-libopencl1 and pocl-opencl-icd)";
        }
        catch (final IllegalCallerException e)
        {
            return "native access is disabled: run the JVM with --enable-native-access=ALL-UNNAMED";
        }
        try
        {
            return new OpenClLibrary(lookup);
        }
        catch (final GpuException e)
        {
            return e.getMessage();
        }
    }

    private MethodHandle bind(final String name, final FunctionDescriptor descriptor)
    {
        return bindOptional(name, descriptor).orElseThrow(
            () -> new GpuException(LIBRARY + " has no symbol " + name + "; its OpenCL version is too old (1.2 or newer needed)"));
    }

    private Optional<MethodHandle> bindOptional(final String name, final FunctionDescriptor descriptor)
    {
        return lookup.find(name).map(symbol -> linker.downcallHandle(symbol, descriptor));
    }

    /** Turns what a downcall threw into an unchecked exception; downcalls throw only errors. */
    static GpuException failed(final String call, final Throwable t)
    {
        if (t instanceof final RuntimeException e && e instanceof GpuException g)
        {
            return g;
        }
        if (t instanceof final Error e)
        {
            throw e;
        }
        return new GpuException("OpenCL " + call + " could not be called: " + t, t);
    }
}
