package org.jdpl.gpu;

/**
 * The Java form of one kernel, run by the CPU reference backend: it executes every work item
 * {@code 0 <= id < globalSize} of one launch, in any order the algorithm allows.
 */
@FunctionalInterface
public interface CpuKernel
{
    void run(long globalSize, CpuKernelArgs args);
}
