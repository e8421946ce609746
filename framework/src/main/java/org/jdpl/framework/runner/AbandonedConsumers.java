package org.jdpl.framework.runner;

import org.agrona.collections.Int2ObjectHashMap;
import org.jdpl.framework.counters.CounterType;
import org.jdpl.framework.counters.DeviceState;
import org.jdpl.framework.counters.ReplicaCounters;
import org.jdpl.framework.counters.RunCountersFile;
import org.jdpl.framework.plan.FailurePolicy;
import org.jdpl.framework.plan.Plan;
import org.jdpl.framework.plan.PlannedDevice;

/**
 * Consumer replicas the run has given up on: those of expendable devices that died, which the Driver
 * marks FAILED in the counters file. A producer holding a message for one of them would wait forever
 * (it never comes back), so it drops the message instead. Replicas of other devices are never
 * abandoned: a restarted one comes back, and any other death ends the run.
 */
final class AbandonedConsumers
{
    static final AbandonedConsumers NONE = new AbandonedConsumers(new Int2ObjectHashMap<>());

    private final Int2ObjectHashMap<ReplicaCounters> expendableByStream;

    private AbandonedConsumers(final Int2ObjectHashMap<ReplicaCounters> expendableByStream)
    {
        this.expendableByStream = expendableByStream;
    }

    /** The expendable consumer replicas of {@code plan}, by their stream id, watched in {@code file} (none without a file). */
    static AbandonedConsumers of(final Plan plan, final RunCountersFile file)
    {
        if (file == null)
        {
            return NONE;
        }
        final Int2ObjectHashMap<ReplicaCounters> byStream = new Int2ObjectHashMap<>();
        for (int d = 0; d < plan.devices().size(); d++)
        {
            final PlannedDevice device = plan.devices().get(d);
            if (device.isSource() || device.failurePolicy().onCrash() != FailurePolicy.OnCrash.EXPENDABLE)
            {
                continue;
            }
            for (int r = 0; r < device.replicas(); r++)
            {
                byStream.put(device.firstStreamId() + r, ReplicaCounters.find(file, d, r, device.routes().size()));
            }
        }
        return new AbandonedConsumers(byStream);
    }

    /** Whether the consumer replica listening on {@code streamId} died and will not come back. */
    boolean isAbandoned(final int streamId)
    {
        final ReplicaCounters consumer = expendableByStream.get(streamId);
        return consumer != null && DeviceState.of(consumer.get(CounterType.STATE).get()) == DeviceState.FAILED;
    }
}
