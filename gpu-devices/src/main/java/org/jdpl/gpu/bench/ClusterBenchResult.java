package org.jdpl.gpu.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One clusterization benchmark: the GPU path against the CPU reference on the same timeframes.
 *
 * @param backend                the GPU backend measured
 * @param device                 its device
 * @param identicalToCpu         labels equal and centroids within tolerance on every timeframe
 * @param gpuMsPerTf             wall time per timeframe on the GPU path (copies, kernels, read-back)
 * @param cpuMsPerTf             time per timeframe of the CPU reference
 * @param gpuKernelMsPerTf       the kernels' own time per timeframe, from the GPU's events
 * @param worstCentroidDifference largest relative centroid difference seen
 * @param timeframes             timeframes timed (after warm-up)
 * @param cellsPerTf             mean cells per timeframe
 */
public record ClusterBenchResult(String backend, String device, boolean identicalToCpu, double gpuMsPerTf, double cpuMsPerTf,
                                 double gpuKernelMsPerTf, double worstCentroidDifference, int timeframes, double cellsPerTf)
{
    /** The JSON fields {@code dpl bench gpu --json} writes, in order ({@code gpu.msPerTf}, ...). */
    public Map<String, Object> toJsonFields()
    {
        final Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("backend", backend);
        fields.put("device", device);
        fields.put("identicalToCpu", identicalToCpu);
        fields.put("gpu.msPerTf", gpuMsPerTf);
        fields.put("cpu.msPerTf", cpuMsPerTf);
        fields.put("gpu.kernelMsPerTf", gpuKernelMsPerTf);
        fields.put("worstCentroidDifference", worstCentroidDifference);
        fields.put("timeframes", timeframes);
        fields.put("cellsPerTf", cellsPerTf);
        return fields;
    }

    /** One line for the terminal. */
    public String describe()
    {
        return String.format("clusterization on %s (%s): %.3f ms/TF (kernels %.3f ms/TF) vs CPU reference %.3f ms/TF, %s, " +
                "%d timeframes of %.0f cells", backend, device, gpuMsPerTf, gpuKernelMsPerTf, cpuMsPerTf,
            identicalToCpu ? "identical to CPU" : "DIFFERENT from CPU", timeframes, cellsPerTf);
    }
}
