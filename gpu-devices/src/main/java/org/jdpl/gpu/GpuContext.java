package org.jdpl.gpu;

import java.lang.foreign.MemorySegment;

/**
 * One opened GPU, owned by one device process and used from one thread. Every operation runs in
 * order on the GPU's one queue; copies are blocking, so a host segment may be reused as soon as a
 * copy returns.
 */
public interface GpuContext extends AutoCloseable
{
    /** The backend's name ({@code opencl}). */
    String backend();

    /** The device's name as its driver reports it. */
    String deviceName();

    /** The GPU's global memory size in bytes. */
    long memoryBytes();

    /** Sub-buffer offsets must be multiples of this. */
    long alignmentBytes();

    /** Allocates device memory; meant for start-up (a {@link GpuMemoryPool}), not per timeframe. */
    GpuBuffer allocate(long sizeBytes);

    /**
     * Builds a program for this GPU.
     *
     * @throws GpuBuildException with the compiler's log when the source does not compile
     */
    GpuProgram build(KernelProgram program);

    /** Copies all of {@code source} into {@code target} from {@code targetOffsetBytes}; blocking. */
    void copyToDevice(MemorySegment source, GpuBuffer target, long targetOffsetBytes);

    /** Fills all of {@code target} from {@code source} at {@code sourceOffsetBytes}; blocking. */
    void copyFromDevice(GpuBuffer source, long sourceOffsetBytes, MemorySegment target);

    /**
     * Runs {@code kernel} over {@code globalSize} work items in work groups of {@code localSize}
     * (0: the backend chooses), waits for it, and returns its execution time in nanoseconds as
     * the GPU's events measured it.
     */
    long launch(GpuKernel kernel, long globalSize, long localSize);

    /** Enqueues {@code kernel} without waiting or timing it; the next copy or {@link #finish()} waits. */
    void enqueue(GpuKernel kernel, long globalSize, long localSize);

    /** Waits until everything enqueued has run. */
    void finish();

    /** Totals for counters and the summary. */
    GpuStats stats();

    @Override
    void close();
}
