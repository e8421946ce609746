package org.jdpl.gpu;

import java.util.Map;

/**
 * A kernel program written once for every backend: portable C source for the GPU backends, and a
 * Java implementation of each kernel for the CPU reference backend.
 *
 * <p>The source uses a small macro prelude each GPU backend defines, since OpenCL C and CUDA C
 * differ mostly in qualifiers: {@code KERNEL} (a kernel entry point), {@code FUNCTION} (a helper
 * kernels call), {@code GLOBAL} (a pointer into device memory) and {@code GLOBAL_ID} (this work
 * item's index in dimension 0). Kernels must check {@code GLOBAL_ID} against their element count,
 * since backends round the global size up to a multiple of the work-group size.
 *
 * @param name        program name, for messages
 * @param source      portable kernel source
 * @param javaKernels the CPU reference implementation of every kernel, by kernel name
 */
public record KernelProgram(String name, String source, Map<String, CpuKernel> javaKernels)
{
    public KernelProgram
    {
        javaKernels = Map.copyOf(javaKernels);
    }
}
