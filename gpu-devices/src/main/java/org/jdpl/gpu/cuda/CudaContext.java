package org.jdpl.gpu.cuda;

import static java.lang.foreign.ValueLayout.JAVA_FLOAT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.List;

import org.jdpl.gpu.GpuBuffer;
import org.jdpl.gpu.GpuContext;
import org.jdpl.gpu.GpuKernel;
import org.jdpl.gpu.GpuProgram;
import org.jdpl.gpu.GpuStats;
import org.jdpl.gpu.KernelProgram;

/**
 * One CUDA GPU through its primary context, on the default stream. Every entry point makes the
 * context current first, since the thread that opened it need not be the one using it.
 */
final class CudaContext implements GpuContext
{
    /** Maps the portable kernel dialect onto CUDA C. */
    static final String PRELUDE = """
        #define KERNEL extern "C" __global__
        #define GLOBAL
        #define GLOBAL_ID ((int)(blockIdx.x * blockDim.x + threadIdx.x))
        #define FUNCTION __device__
        #line 1
        """;
    /** No fused multiply-add, so float results match the CPU reference as closely as the hardware allows. */
    static final List<String> COMPILE_OPTIONS = List.of("--fmad=false");
    private static final long ALIGNMENT_BYTES = 256;
    private static final int DEFAULT_BLOCK = 256;

    private final CudaDriver driver;
    private final Nvrtc nvrtc;
    private final Arena arena;
    private final int device;
    private final String deviceName;
    private final long memoryBytes;
    private final MemorySegment context;
    private final MemorySegment start;
    private final MemorySegment end;
    private final MemorySegment millis;
    private final GpuStats stats = new GpuStats();

    CudaContext(final CudaDriver driver, final Nvrtc nvrtc, final Arena arena, final int device)
    {
        this.driver = driver;
        this.nvrtc = nvrtc;
        this.arena = arena;
        this.device = device;
        this.deviceName = driver.deviceName(arena, device);
        this.memoryBytes = driver.deviceMemory(arena, device);
        this.context = driver.retainPrimaryContext(arena, device);
        driver.setCurrent(context);
        this.start = driver.createEvent(arena);
        this.end = driver.createEvent(arena);
        this.millis = arena.allocate(JAVA_FLOAT);
    }

    @Override
    public String backend()
    {
        return CudaBackend.NAME;
    }

    @Override
    public String deviceName()
    {
        return deviceName;
    }

    @Override
    public long memoryBytes()
    {
        return memoryBytes;
    }

    @Override
    public long alignmentBytes()
    {
        return ALIGNMENT_BYTES;
    }

    @Override
    public GpuBuffer allocate(final long sizeBytes)
    {
        driver.setCurrent(context);
        return new CudaBuffer(this, driver.allocate(arena, sizeBytes), sizeBytes, true);
    }

    @Override
    public GpuProgram build(final KernelProgram program)
    {
        driver.setCurrent(context);
        final MemorySegment ptx = nvrtc.compile(arena, program.name(), PRELUDE + program.source(), COMPILE_OPTIONS);
        return new CudaProgram(this, arena, driver.loadModule(arena, ptx, program.name()));
    }

    @Override
    public void copyToDevice(final MemorySegment source, final GpuBuffer target, final long targetOffsetBytes)
    {
        driver.setCurrent(context);
        final long startNs = System.nanoTime();
        driver.copyToDevice(((CudaBuffer)target).pointer() + targetOffsetBytes, source);
        stats.onCopyToDevice(source.byteSize(), System.nanoTime() - startNs);
    }

    @Override
    public void copyFromDevice(final GpuBuffer source, final long sourceOffsetBytes, final MemorySegment target)
    {
        driver.setCurrent(context);
        final long startNs = System.nanoTime();
        driver.copyFromDevice(target, ((CudaBuffer)source).pointer() + sourceOffsetBytes);
        stats.onCopyFromDevice(target.byteSize(), System.nanoTime() - startNs);
    }

    @Override
    public long launch(final GpuKernel kernel, final long globalSize, final long localSize)
    {
        driver.setCurrent(context);
        driver.record(start);
        submit((CudaKernel)kernel, globalSize, localSize);
        driver.record(end);
        final long elapsedNs = driver.elapsedNs(start, end, millis);
        stats.onKernel(elapsedNs);
        return elapsedNs;
    }

    @Override
    public void enqueue(final GpuKernel kernel, final long globalSize, final long localSize)
    {
        driver.setCurrent(context);
        submit((CudaKernel)kernel, globalSize, localSize);
    }

    @Override
    public void finish()
    {
        driver.setCurrent(context);
        driver.synchronize();
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
            driver.setCurrent(context);
            driver.synchronize();
            driver.destroyEvent(start);
            driver.destroyEvent(end);
            driver.releasePrimaryContext(device);
        }
        finally
        {
            arena.close();
        }
    }

    void free(final long pointer)
    {
        driver.setCurrent(context);
        driver.free(pointer);
    }

    MemorySegment function(final MemorySegment module, final String name)
    {
        driver.setCurrent(context);
        return driver.function(arena, module, name);
    }

    void unload(final MemorySegment module)
    {
        driver.setCurrent(context);
        driver.unloadModule(module);
    }

    private void submit(final CudaKernel kernel, final long globalSize, final long localSize)
    {
        final int threads = (int)(localSize > 0 ? localSize : DEFAULT_BLOCK);
        final int blocks = (int)Math.max(1, (globalSize + threads - 1) / threads);
        driver.launch(kernel.function(), kernel.name(), blocks, threads, kernel.parameters());
    }
}
