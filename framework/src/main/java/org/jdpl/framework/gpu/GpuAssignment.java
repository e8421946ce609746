package org.jdpl.framework.gpu;

import java.util.List;
import java.util.Map;

/**
 * The outcome of assigning GPUs: an index for every replica ({@code "reco#1" -> 1}), or the
 * problems that prevented it, each one line for the user.
 *
 * @param indices  GPU index by {@link GpuReplica#label()}; empty when there are problems
 * @param problems what is wrong and how to fix it; empty on success
 */
public record GpuAssignment(Map<String, Integer> indices, List<String> problems)
{
    public GpuAssignment
    {
        indices = Map.copyOf(indices);
        problems = List.copyOf(problems);
    }

    public boolean isValid()
    {
        return problems.isEmpty();
    }

    /** The index of one replica. */
    public int indexOf(final String device, final int replica)
    {
        final Integer index = indices.get(device + "#" + replica);
        if (index == null)
        {
            throw new IllegalArgumentException("no GPU assigned to " + device + "#" + replica + (isValid() ? "" : ": " + problems));
        }
        return index;
    }
}
