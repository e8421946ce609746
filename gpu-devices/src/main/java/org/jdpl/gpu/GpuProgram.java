package org.jdpl.gpu;

/** A built program; owns its kernels, closed by whoever built it. */
public interface GpuProgram extends AutoCloseable
{
    /**
     * The kernel with this name; repeated calls return the same kernel.
     *
     * @throws GpuException when the program has no such kernel
     */
    GpuKernel kernel(String name);

    @Override
    void close();
}
