package org.jdpl.framework.gpu;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;


/**
 * Gives every GPU device replica a GPU index. Without {@code gpu.share} each GPU has at most one
 * owner: explicit indices must be distinct and in range, {@code auto} replicas take the lowest free
 * index in the order given, and more replicas than GPUs is an error. With {@code gpu.share},
 * explicit indices may repeat and {@code auto} replicas go to the least-loaded GPU.
 */
public final class GpuAssigner
{
    private GpuAssigner()
    {
    }

    /**
     * @param replicas every replica of every GPU device, in plan order
     * @param gpus     what the chosen backend's probe found
     * @param share    {@code gpu.share}
     */
    public static GpuAssignment assign(final List<GpuReplica> replicas, final GpuInventory gpus, final boolean share)
    {
        final int count = gpus.deviceCount();
        final String where = count + (count == 1 ? " GPU (" : " GPUs (") + gpus.backend() + ": " + String.join(", ", gpus.devices()) + ")";
        final List<String> problems = new ArrayList<>();
        if (replicas.isEmpty())
        {
            return new GpuAssignment(Map.of(), List.of());
        }
        if (count == 0)
        {
            problems.add(replicas.size() + " GPU device replicas but no GPU: " + gpus.backend() + " is unavailable (" + gpus.reason() + ")");
            return new GpuAssignment(Map.of(), problems);
        }
        if (!share && replicas.size() > count)
        {
            problems.add(replicas.size() + " GPU device replicas but " + where + "; set gpu.share = true to share, " +
                "or lower the GPU devices' pipeline");
        }
        final int[] owners = new int[count];
        final Map<Integer, String> firstOwner = new HashMap<>();
        final Map<String, Integer> indices = new LinkedHashMap<>();
        for (final GpuReplica replica : replicas)
        {
            if (replica.requested() == GpuReplica.AUTO)
            {
                continue;
            }
            final int index = replica.requested();
            if (index >= count)
            {
                problems.add(replica.label() + ": gpu = " + index + " but there are " + where + "; use gpu = auto or an index 0.." +
                    (count - 1));
                continue;
            }
            final String previous = firstOwner.putIfAbsent(index, replica.label());
            if (previous != null && !share)
            {
                problems.add(replica.label() + " and " + previous + " both ask for gpu = " + index + "; give each its own index, " +
                    "use gpu = auto, or set gpu.share = true");
            }
            owners[index]++;
            indices.put(replica.label(), index);
        }
        for (final GpuReplica replica : replicas)
        {
            if (replica.requested() == GpuReplica.AUTO)
            {
                final int index = leastLoaded(owners);
                owners[index]++;
                indices.put(replica.label(), index);
            }
        }
        if (!problems.isEmpty())
        {
            return new GpuAssignment(Map.of(), problems);
        }
        return new GpuAssignment(indices, List.of());
    }

    /** The lowest index among the GPUs with fewest owners: a free GPU whenever there is one. */
    private static int leastLoaded(final int[] owners)
    {
        int best = 0;
        for (int i = 1; i < owners.length; i++)
        {
            if (owners[i] < owners[best])
            {
                best = i;
            }
        }
        return best;
    }
}
