package org.jdpl.framework.gpu;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment of a process that owns GPU {@code index} of a backend, and the index it then
 * opens. For CUDA (and ROCm, {@code ROCR_VISIBLE_DEVICES}) the vendor runtime is told to show the process only its GPU
 * ({@code CUDA_VISIBLE_DEVICES}), which the process then opens as index 0, so nothing in it can
 * touch another GPU. OpenCL's device list spans vendors whose drivers honour different variables
 * (or none, as PoCL), and masking would shift the list, so OpenCL processes see every device and
 * open their own index.
 *
 * @param variables what to add to the child's environment
 * @param openIndex the index the process passes to {@code GpuBackend.open}
 */
public record GpuProcessEnvironment(Map<String, String> variables, int openIndex)
{
    public static final String BACKEND = "JDPL_GPU_BACKEND";
    /** The index to open inside the process. */
    public static final String INDEX = "JDPL_GPU_INDEX";
    /** The plan's index, for logs. */
    public static final String ASSIGNED = "JDPL_GPU_ASSIGNED";
    /** The memory pool's size in bytes ({@code gpu.memory}). */
    public static final String MEMORY = "JDPL_GPU_MEMORY";
    static final String CUDA_VISIBLE_DEVICES = "CUDA_VISIBLE_DEVICES";
    static final String ROCR_VISIBLE_DEVICES = "ROCR_VISIBLE_DEVICES";

    public GpuProcessEnvironment
    {
        variables = Map.copyOf(variables);
    }

    /**
     * @param backend   the chosen backend's name
     * @param index     the plan's GPU index for the process (the driver's own enumeration)
     * @param driverEnv the driver's environment: a {@code CUDA_VISIBLE_DEVICES} already there means
     *                  index i is its i-th entry
     */
    public static GpuProcessEnvironment of(final String backend, final int index, final Map<String, String> driverEnv)
    {
        final Map<String, String> variables = new LinkedHashMap<>();
        variables.put(BACKEND, backend);
        variables.put(ASSIGNED, Integer.toString(index));
        int openIndex = index;
        final String mask = maskVariable(backend);
        if (mask != null)
        {
            variables.put(mask, visibleEntry(mask, driverEnv.get(mask), index));
            openIndex = 0;
        }
        variables.put(INDEX, Integer.toString(openIndex));
        return new GpuProcessEnvironment(variables, openIndex);
    }

    /** The vendor runtime's variable that hides other GPUs from a process, or null when the backend has none. */
    private static String maskVariable(final String backend)
    {
        return switch (backend)
        {
            case "cuda" -> CUDA_VISIBLE_DEVICES;
            case "hip", "rocm" -> ROCR_VISIBLE_DEVICES;
            default -> null;
        };
    }

    private static String visibleEntry(final String variable, final String inherited, final int index)
    {
        if (inherited == null || inherited.isBlank())
        {
            return Integer.toString(index);
        }
        final String[] entries = inherited.split(",");
        if (index >= entries.length)
        {
            throw new IllegalArgumentException("GPU index " + index + " is past the driver's " + variable + "=" + inherited +
                "; unset it or list as many GPUs as the plan assigns");
        }
        return entries[index].strip();
    }
}
