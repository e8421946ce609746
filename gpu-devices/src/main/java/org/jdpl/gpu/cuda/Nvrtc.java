package org.jdpl.gpu.cuda;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jdpl.gpu.GpuBuildException;
import org.jdpl.gpu.GpuException;

/** NVRTC, CUDA's run-time compiler: CUDA C source in, PTX out, the compiler log on failure. */
final class Nvrtc
{
    /** Unversioned first (a toolkit's dev link), then the runtime packages' sonames, newest first. */
    static final List<String> LIBRARIES = List.of("libnvrtc.so", "libnvrtc.so.13", "libnvrtc.so.12", "libnvrtc.so.11.2");

    private static volatile Object loaded;

    private final MethodHandle nvrtcCreateProgram;
    private final MethodHandle nvrtcCompileProgram;
    private final MethodHandle nvrtcGetProgramLogSize;
    private final MethodHandle nvrtcGetProgramLog;
    private final MethodHandle nvrtcGetPTXSize;
    private final MethodHandle nvrtcGetPTX;
    private final MethodHandle nvrtcDestroyProgram;
    private final MethodHandle nvrtcGetErrorString;

    private Nvrtc(final SymbolLookup lookup)
    {
        final String library = "libnvrtc";
        nvrtcCreateProgram = NativeLibraries.bind(lookup, library, "nvrtcCreateProgram",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_INT, ADDRESS, ADDRESS));
        nvrtcCompileProgram = NativeLibraries.bind(lookup, library, "nvrtcCompileProgram",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS));
        nvrtcGetProgramLogSize = NativeLibraries.bind(lookup, library, "nvrtcGetProgramLogSize",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        nvrtcGetProgramLog = NativeLibraries.bind(lookup, library, "nvrtcGetProgramLog", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        nvrtcGetPTXSize = NativeLibraries.bind(lookup, library, "nvrtcGetPTXSize", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        nvrtcGetPTX = NativeLibraries.bind(lookup, library, "nvrtcGetPTX", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        nvrtcDestroyProgram = NativeLibraries.bind(lookup, library, "nvrtcDestroyProgram", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        nvrtcGetErrorString = NativeLibraries.bind(lookup, library, "nvrtcGetErrorString", FunctionDescriptor.of(ADDRESS, JAVA_INT));
    }

    /**
     * NVRTC, loaded on first use.
     *
     * @throws GpuException saying it is not installed
     */
    static Nvrtc load()
    {
        Object result = loaded;
        if (result == null)
        {
            synchronized (Nvrtc.class)
            {
                result = loaded;
                if (result == null)
                {
                    result = tryLoad();
                    loaded = result;
                }
            }
        }
        if (result instanceof final Nvrtc nvrtc)
        {
            return nvrtc;
        }
        throw new GpuException((String)result);
    }

    private static Object tryLoad()
    {
        try
        {
            return NativeLibraries.find(LIBRARIES).<Object>map(Nvrtc::new).orElse(
                "libnvrtc.so not found (tried " + String.join(", ", LIBRARIES) + "); install the CUDA runtime compiler " +
                    "(cuda-nvrtc) to build kernels");
        }
        catch (final GpuException e)
        {
            return e.getMessage();
        }
    }

    /**
     * Compiles {@code source}; returns the NUL-terminated PTX in {@code arena}.
     *
     * @throws GpuBuildException with the compiler log when it does not compile
     */
    MemorySegment compile(final Arena arena, final String name, final String source, final List<String> options)
    {
        final MemorySegment programOut = arena.allocate(ADDRESS);
        final MemorySegment text = arena.allocateFrom(source, StandardCharsets.UTF_8);
        final MemorySegment fileName = arena.allocateFrom(name + ".cu", StandardCharsets.UTF_8);
        check(call("nvrtcCreateProgram", () -> (int)nvrtcCreateProgram.invokeExact(programOut, text, fileName, 0,
            MemorySegment.NULL, MemorySegment.NULL)), "nvrtcCreateProgram");
        final MemorySegment program = programOut.get(ADDRESS, 0);
        try
        {
            final MemorySegment optionArray = arena.allocate(ADDRESS, Math.max(options.size(), 1));
            for (int i = 0; i < options.size(); i++)
            {
                optionArray.setAtIndex(ADDRESS, i, arena.allocateFrom(options.get(i), StandardCharsets.UTF_8));
            }
            final int count = options.size();
            final int status = call("nvrtcCompileProgram", () -> (int)nvrtcCompileProgram.invokeExact(program, count, optionArray));
            if (status != 0)
            {
                throw new GpuBuildException(name, "CUDA (NVRTC)", errorString(status), log(arena, program));
            }
            final MemorySegment size = arena.allocate(JAVA_LONG);
            check(call("nvrtcGetPTXSize", () -> (int)nvrtcGetPTXSize.invokeExact(program, size)), "nvrtcGetPTXSize");
            final MemorySegment ptx = arena.allocate(size.get(JAVA_LONG, 0) + 1);
            check(call("nvrtcGetPTX", () -> (int)nvrtcGetPTX.invokeExact(program, ptx)), "nvrtcGetPTX");
            return ptx;
        }
        finally
        {
            call("nvrtcDestroyProgram", () -> (int)nvrtcDestroyProgram.invokeExact(programOut));
        }
    }

    private String log(final Arena arena, final MemorySegment program)
    {
        final MemorySegment size = arena.allocate(JAVA_LONG);
        if (call("nvrtcGetProgramLogSize", () -> (int)nvrtcGetProgramLogSize.invokeExact(program, size)) != 0)
        {
            return "(no log)";
        }
        final MemorySegment log = arena.allocate(size.get(JAVA_LONG, 0) + 1);
        if (call("nvrtcGetProgramLog", () -> (int)nvrtcGetProgramLog.invokeExact(program, log)) != 0)
        {
            return "(no log)";
        }
        return log.getString(0, StandardCharsets.UTF_8);
    }

    private void check(final int status, final String call)
    {
        if (status != 0)
        {
            throw new GpuException("NVRTC " + call + " failed with " + errorString(status));
        }
    }

    private String errorString(final int status)
    {
        try
        {
            final MemorySegment text = (MemorySegment)nvrtcGetErrorString.invokeExact(status);
            return text.reinterpret(256).getString(0, StandardCharsets.UTF_8) + " (" + status + ")";
        }
        catch (final Throwable t)
        {
            return "NVRTC error " + status;
        }
    }

    private static int call(final String name, final IntCall downcall)
    {
        try
        {
            return downcall.call();
        }
        catch (final Throwable t)
        {
            throw NativeLibraries.failed("NVRTC " + name, t);
        }
    }

    @FunctionalInterface
    private interface IntCall
    {
        int call() throws Throwable;
    }
}
