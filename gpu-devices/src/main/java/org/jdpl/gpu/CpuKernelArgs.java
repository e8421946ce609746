package org.jdpl.gpu;

import java.lang.foreign.MemorySegment;

/** The arguments of one CPU reference kernel launch, by index as set on the {@link GpuKernel}. */
public interface CpuKernelArgs
{
    /** The host memory standing for the GPU buffer at this index. */
    MemorySegment buffer(int index);

    int intArg(int index);

    float floatArg(int index);
}
