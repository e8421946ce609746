package org.jdpl.gpu.cuda;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.HashMap;
import java.util.Map;

import org.jdpl.gpu.GpuKernel;
import org.jdpl.gpu.GpuProgram;

/** A loaded {@code CUmodule} and its kernels. */
final class CudaProgram implements GpuProgram
{
    private final CudaContext owner;
    private final Arena arena;
    private final MemorySegment module;
    private final Map<String, CudaKernel> kernels = new HashMap<>();

    CudaProgram(final CudaContext owner, final Arena arena, final MemorySegment module)
    {
        this.owner = owner;
        this.arena = arena;
        this.module = module;
    }

    @Override
    public GpuKernel kernel(final String name)
    {
        return kernels.computeIfAbsent(name, n -> new CudaKernel(arena, owner.function(module, n), n));
    }

    @Override
    public void close()
    {
        kernels.clear();
        owner.unload(module);
    }
}
