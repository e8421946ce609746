package org.jdpl.gpu.opencl;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import org.jdpl.gpu.GpuBuffer;
import org.jdpl.gpu.GpuBuildException;
import org.jdpl.gpu.GpuContext;
import org.jdpl.gpu.GpuKernel;
import org.jdpl.gpu.GpuProgram;
import org.jdpl.gpu.GpuStats;
import org.jdpl.gpu.KernelProgram;

/** One OpenCL device with its context and one in-order, profiling command queue. */
final class OpenClContext implements GpuContext
{
    /**
     * Maps the portable kernel dialect onto OpenCL C. Contraction stays off and division correctly
     * rounded so float results match the CPU reference as closely as the hardware allows;
     * {@code #line 1} makes build-log line numbers those of the program's own source.
     */
    static final String PRELUDE = """
        #pragma OPENCL FP_CONTRACT OFF
        #define KERNEL __kernel
        #define GLOBAL __global
        #define GLOBAL_ID ((int)get_global_id(0))
        #define FUNCTION
        #line 1
        """;
    static final String BUILD_OPTIONS = "-cl-fp32-correctly-rounded-divide-sqrt";

    private final ClCalls calls;
    private final Arena arena;
    private final ClDevice device;
    private final MemorySegment context;
    private final MemorySegment queue;
    private final long memoryBytes;
    private final long alignmentBytes;
    private final GpuStats stats = new GpuStats();

    OpenClContext(final ClCalls calls, final Arena arena, final ClDevice device)
    {
        this.calls = calls;
        this.arena = arena;
        this.device = device;
        this.memoryBytes = calls.setup.deviceLong(device.device(), ClSetupCalls.CL_DEVICE_GLOBAL_MEM_SIZE);
        this.alignmentBytes = Math.max(calls.setup.deviceInt(device.device(), ClSetupCalls.CL_DEVICE_MEM_BASE_ADDR_ALIGN) / 8, 8);
        this.context = calls.setup.createContext(device.platform(), device.device());
        MemorySegment created = MemorySegment.NULL;
        try
        {
            created = calls.setup.createQueue(context, device.device());
        }
        finally
        {
            if (created.equals(MemorySegment.NULL))
            {
                calls.releaseContext(context);
            }
        }
        this.queue = created;
    }

    @Override
    public String backend()
    {
        return OpenClBackend.NAME;
    }

    @Override
    public String deviceName()
    {
        return device.describe();
    }

    @Override
    public long memoryBytes()
    {
        return memoryBytes;
    }

    @Override
    public long alignmentBytes()
    {
        return alignmentBytes;
    }

    @Override
    public GpuBuffer allocate(final long sizeBytes)
    {
        return new OpenClBuffer(calls, calls.setup.createBuffer(context, sizeBytes), sizeBytes, alignmentBytes);
    }

    @Override
    public GpuProgram build(final KernelProgram program)
    {
        final MemorySegment built = calls.setup.createProgram(context, PRELUDE + program.source());
        final int status = calls.setup.buildProgram(built, device.device(), BUILD_OPTIONS);
        if (status != ClError.CL_SUCCESS)
        {
            final String log = calls.setup.buildLog(built, device.device());
            calls.releaseProgram(built);
            throw new GpuBuildException(program.name(), "OpenCL on " + deviceName(), ClError.name(status), log);
        }
        return new OpenClProgram(calls, built);
    }

    @Override
    public void copyToDevice(final MemorySegment source, final GpuBuffer target, final long targetOffsetBytes)
    {
        final long startNs = System.nanoTime();
        calls.write(queue, ((OpenClBuffer)target).mem(), targetOffsetBytes, source);
        stats.onCopyToDevice(source.byteSize(), System.nanoTime() - startNs);
    }

    @Override
    public void copyFromDevice(final GpuBuffer source, final long sourceOffsetBytes, final MemorySegment target)
    {
        final long startNs = System.nanoTime();
        calls.read(queue, ((OpenClBuffer)source).mem(), sourceOffsetBytes, target);
        stats.onCopyFromDevice(target.byteSize(), System.nanoTime() - startNs);
    }

    @Override
    public long launch(final GpuKernel kernel, final long globalSize, final long localSize)
    {
        final long elapsedNs = calls.launch(queue, ((OpenClKernel)kernel).handle(), kernel.name(), globalSize, localSize, true);
        stats.onKernel(elapsedNs);
        return elapsedNs;
    }

    @Override
    public void enqueue(final GpuKernel kernel, final long globalSize, final long localSize)
    {
        calls.launch(queue, ((OpenClKernel)kernel).handle(), kernel.name(), globalSize, localSize, false);
    }

    @Override
    public void finish()
    {
        calls.finish(queue);
    }

    @Override
    public GpuStats stats()
    {
        return stats;
    }

    @Override
    public void close()
    {
        try
        {
            calls.finish(queue);
            calls.releaseQueue(queue);
            calls.releaseContext(context);
        }
        finally
        {
            arena.close();
        }
    }
}
