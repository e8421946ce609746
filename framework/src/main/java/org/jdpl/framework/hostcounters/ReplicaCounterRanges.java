package org.jdpl.framework.hostcounters;

import java.util.Arrays;

import org.jdpl.framework.counters.CounterKey;
import org.jdpl.framework.counters.RunCountersFile;
import org.jdpl.framework.plan.Plan;

/**
 * Where each replica's counters sit in a counters file made for a plan: a run of consecutive ids
 * (its own, its process's and its routes', as the file allocates them). Replicas are numbered flat,
 * in plan order. Found once, by key, so the hot paths only index arrays.
 */
final class ReplicaCounterRanges
{
    private final int[] firstReplica;
    private final int[] firstId;
    private final int[] count;

    private ReplicaCounterRanges(final int[] firstReplica, final int[] firstId, final int[] count)
    {
        this.firstReplica = firstReplica;
        this.firstId = firstId;
        this.count = count;
    }

    static ReplicaCounterRanges of(final RunCountersFile file, final Plan plan)
    {
        final int[] firstReplica = new int[plan.devices().size() + 1];
        for (int d = 0; d < plan.devices().size(); d++)
        {
            firstReplica[d + 1] = firstReplica[d] + plan.devices().get(d).replicas();
        }
        final int replicas = firstReplica[plan.devices().size()];
        final int[] firstId = new int[replicas];
        final int[] count = new int[replicas];
        Arrays.fill(firstId, -1);
        file.reader().forEach((id, typeId, key, label) ->
        {
            final int device = CounterKey.deviceIndex(key);
            final int replica = CounterKey.replica(key);
            if (device < 0 || device >= plan.devices().size() || replica < 0 || replica >= plan.devices().get(device).replicas())
            {
                return;
            }
            final int flat = firstReplica[device] + replica;
            if (firstId[flat] < 0)
            {
                firstId[flat] = id;
            }
            if (id != firstId[flat] + count[flat])
            {
                throw new IllegalStateException(file.file() + ": the counters of " + plan.devices().get(device).name() + "#" +
                    replica + " are not consecutive (id " + id + "); was it made for another plan?");
            }
            count[flat]++;
        });
        return new ReplicaCounterRanges(firstReplica, firstId, count);
    }

    /** The flat index of {@code device#replica}, or -1 when the plan has no such replica. */
    int flatIndex(final int deviceIndex, final int replica)
    {
        if (deviceIndex < 0 || deviceIndex >= firstReplica.length - 1 || replica < 0 ||
            replica >= firstReplica[deviceIndex + 1] - firstReplica[deviceIndex])
        {
            return -1;
        }
        return firstReplica[deviceIndex] + replica;
    }

    /** How many replicas the plan has, all devices together. */
    int replicaCount()
    {
        return firstReplica[firstReplica.length - 1];
    }

    int firstId(final int flatIndex)
    {
        return firstId[flatIndex];
    }

    int count(final int flatIndex)
    {
        return count[flatIndex];
    }
}
