package org.jdpl.framework.runner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.aeron.Aeron;
import io.aeron.Publication;
import io.aeron.Subscription;
import org.agrona.CloseHelper;
import org.jdpl.framework.plan.Plan;
import org.jdpl.framework.plan.PlannedDevice;
import org.jdpl.framework.plan.Route;
import org.jdpl.framework.run.SegmentSlots;
import org.jdpl.transport.MessageLayout;
import org.jdpl.transport.segment.PayloadSegment;

/**
 * The Aeron IPC channels of one device replica: its data subscription (stream
 * {@code firstStreamId + replica}, none for a source), the control subscription, and one publication
 * per distinct consumer stream its routes reach (durable routes go through queues instead). Closed by the runner that opened it.
 */
final class DeviceChannels implements AutoCloseable
{
    static final String IPC = "aeron:ipc";
    /** The message limit of IPC streams with the default 16 MiB terms, for a device without routes. */
    private static final int DEFAULT_MAX_MESSAGE_BYTES = 2 * 1024 * 1024;

    private final PlannedDevice device;
    private final Subscription data;
    private final Subscription control;
    private final Map<Integer, Publication> publications = new LinkedHashMap<>();

    DeviceChannels(final Aeron aeron, final PlannedDevice device, final int replica, final int controlStreamId)
    {
        this.device = device;
        this.control = aeron.addSubscription(IPC, controlStreamId);
        this.data = device.isSource() ? null : aeron.addSubscription(IPC, device.firstStreamId() + replica);
        for (final Route route : device.routes())
        {
            if (route.durable())
            {
                continue;
            }
            for (int r = 0; r < route.consumerReplicas(); r++)
            {
                final int streamId = route.consumerFirstStreamId() + r;
                if (!publications.containsKey(streamId))
                {
                    publications.put(streamId, aeron.addPublication(IPC, streamId));
                }
            }
        }
    }

    /** Null for a source. */
    Subscription data()
    {
        return data;
    }

    Subscription control()
    {
        return control;
    }

    /** Every publication, once each. */
    List<Publication> allPublications()
    {
        return new ArrayList<>(publications.values());
    }

    /**
     * Per route of output {@code label} (one per distinct consumer stream range), the publication of
     * each consumer replica, indexed by replica.
     */
    Publication[][] targetsOf(final String label)
    {
        final List<Publication[]> targets = new ArrayList<>();
        final List<Integer> seenFirstStreams = new ArrayList<>();
        for (final Route route : device.routes())
        {
            if (route.durable() || !route.outputLabel().equals(label) || seenFirstStreams.contains(route.consumerFirstStreamId()))
            {
                continue;
            }
            seenFirstStreams.add(route.consumerFirstStreamId());
            if (route.condition())
            {
                // Every replica needs the condition: one target per replica, each of which gets every message.
                for (int r = 0; r < route.consumerReplicas(); r++)
                {
                    targets.add(new Publication[] {publications.get(route.consumerFirstStreamId() + r)});
                }
                continue;
            }
            final Publication[] replicas = new Publication[route.consumerReplicas()];
            for (int r = 0; r < replicas.length; r++)
            {
                replicas[r] = publications.get(route.consumerFirstStreamId() + r);
            }
            targets.add(replicas);
        }
        return targets.toArray(new Publication[0][]);
    }

    /**
     * Per route of output {@code label}, in the order of {@link #targetsOf}, the payload-segment
     * holder bit of each consumer replica (from the plan's slot assignment).
     */
    long[][] holdersOf(final String label, final Plan plan)
    {
        final List<long[]> holders = new ArrayList<>();
        final List<Integer> seenFirstStreams = new ArrayList<>();
        for (final Route route : device.routes())
        {
            if (route.durable() || !route.outputLabel().equals(label) || seenFirstStreams.contains(route.consumerFirstStreamId()))
            {
                continue;
            }
            seenFirstStreams.add(route.consumerFirstStreamId());
            if (route.condition())
            {
                for (int r = 0; r < route.consumerReplicas(); r++)
                {
                    holders.add(new long[] {PayloadSegment.holderBit(SegmentSlots.slotOf(plan, route.consumer(), r, PayloadSegment.maxProcesses()))});
                }
                continue;
            }
            final long[] replicas = new long[route.consumerReplicas()];
            for (int r = 0; r < replicas.length; r++)
            {
                replicas[r] = PayloadSegment.holderBit(SegmentSlots.slotOf(plan, route.consumer(), r, PayloadSegment.maxProcesses()));
            }
            holders.add(replicas);
        }
        return holders.toArray(new long[0][]);
    }

    /** The largest payload one message can carry on every stream of this device. */
    int maxPayloadBytes()
    {
        int maxMessage = DEFAULT_MAX_MESSAGE_BYTES;
        for (final Publication publication : publications.values())
        {
            maxMessage = Math.min(maxMessage, publication.maxMessageLength());
        }
        return maxMessage - MessageLayout.PAYLOAD_OFFSET;
    }

    @Override
    public void close()
    {
        CloseHelper.closeAll(publications.values());
        CloseHelper.closeAll(data, control);
    }
}
