package org.jdpl.framework.plan;

import java.util.List;

/**
 * The GPUs of one GPU device: which GPU each replica owns, and what its process is told.
 *
 * @param backend     the backend the GPUs belong to ({@code opencl})
 * @param indices     the GPU index of each replica, replica order
 * @param share       whether the topology allowed GPUs to be shared ({@code gpu.share})
 * @param memoryBytes each replica's GPU memory pool ({@code gpu.memory})
 * @param discovery   how the backend was chosen and why others were skipped, for the log and summary
 */
public record GpuPlacement(String backend, List<Integer> indices, boolean share, long memoryBytes, String discovery)
{
    public GpuPlacement
    {
        indices = List.copyOf(indices);
    }

    public int indexOf(final int replica)
    {
        return indices.get(replica);
    }

    /** {@code opencl GPU 0, 1}, as graphs and summaries show it. */
    public String describe()
    {
        final StringBuilder line = new StringBuilder(backend).append(indices.size() == 1 ? " GPU " : " GPUs ");
        for (int i = 0; i < indices.size(); i++)
        {
            line.append(i == 0 ? "" : ", ").append(indices.get(i));
        }
        return share ? line.append(" (shared)").toString() : line.toString();
    }
}
