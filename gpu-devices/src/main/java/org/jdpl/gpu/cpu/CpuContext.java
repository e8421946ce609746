package org.jdpl.gpu.cpu;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import org.jdpl.gpu.GpuBuffer;
import org.jdpl.gpu.GpuContext;
import org.jdpl.gpu.GpuKernel;
import org.jdpl.gpu.GpuProgram;
import org.jdpl.gpu.GpuStats;
import org.jdpl.gpu.KernelProgram;

/** The host as a GPU: buffers in native memory, kernels run synchronously on the calling thread. */
final class CpuContext implements GpuContext
{
    static final long ALIGNMENT_BYTES = 64;

    private final String deviceName;
    private final long memoryBytes;
    private final GpuStats stats = new GpuStats();

    CpuContext(final String deviceName, final long memoryBytes)
    {
        this.deviceName = deviceName;
        this.memoryBytes = memoryBytes;
    }

    @Override
    public String backend()
    {
        return CpuBackend.NAME;
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
        final Arena arena = Arena.ofShared();
        return new CpuBuffer(arena.allocate(sizeBytes, ALIGNMENT_BYTES), arena);
    }

    @Override
    public GpuProgram build(final KernelProgram program)
    {
        return new CpuProgram(program);
    }

    @Override
    public void copyToDevice(final MemorySegment source, final GpuBuffer target, final long targetOffsetBytes)
    {
        final long startNs = System.nanoTime();
        MemorySegment.copy(source, 0, ((CpuBuffer)target).memory(), targetOffsetBytes, source.byteSize());
        stats.onCopyToDevice(source.byteSize(), System.nanoTime() - startNs);
    }

    @Override
    public void copyFromDevice(final GpuBuffer source, final long sourceOffsetBytes, final MemorySegment target)
    {
        final long startNs = System.nanoTime();
        MemorySegment.copy(((CpuBuffer)source).memory(), sourceOffsetBytes, target, 0, target.byteSize());
        stats.onCopyFromDevice(target.byteSize(), System.nanoTime() - startNs);
    }

    @Override
    public long launch(final GpuKernel kernel, final long globalSize, final long localSize)
    {
        final long startNs = System.nanoTime();
        ((CpuKernelLaunch)kernel).run(globalSize);
        final long elapsedNs = System.nanoTime() - startNs;
        stats.onKernel(elapsedNs);
        return elapsedNs;
    }

    @Override
    public void enqueue(final GpuKernel kernel, final long globalSize, final long localSize)
    {
        launch(kernel, globalSize, localSize);
    }

    @Override
    public void finish()
    {
        // Kernels run synchronously: nothing is ever pending.
    }

    @Override
    public GpuStats stats()
    {
        return stats;
    }

    @Override
    public void close()
    {
        // Buffers are closed by whoever allocated them; the context holds nothing else.
    }
}
