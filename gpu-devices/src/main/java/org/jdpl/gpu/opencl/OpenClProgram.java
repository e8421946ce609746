package org.jdpl.gpu.opencl;

import java.lang.foreign.MemorySegment;
import java.util.HashMap;
import java.util.Map;

import org.jdpl.gpu.GpuKernel;
import org.jdpl.gpu.GpuProgram;

/** A built {@code cl_program} and the kernels created from it. */
final class OpenClProgram implements GpuProgram
{
    private final ClCalls calls;
    private final MemorySegment program;
    private final Map<String, OpenClKernel> kernels = new HashMap<>();

    OpenClProgram(final ClCalls calls, final MemorySegment program)
    {
        this.calls = calls;
        this.program = program;
    }

    @Override
    public GpuKernel kernel(final String name)
    {
        return kernels.computeIfAbsent(name, n -> new OpenClKernel(calls, calls.setup.createKernel(program, n), n));
    }

    @Override
    public void close()
    {
        for (final OpenClKernel kernel : kernels.values())
        {
            calls.releaseKernel(kernel.handle());
        }
        kernels.clear();
        calls.releaseProgram(program);
    }
}
