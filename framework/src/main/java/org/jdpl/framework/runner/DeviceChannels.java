package org.jdpl.framework.runner;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.aeron.Aeron;
import io.aeron.Publication;
import io.aeron.Subscription;
import org.agrona.CloseHelper;
import org.jdpl.framework.plan.HostPlacement;
import org.jdpl.framework.plan.Plan;
import org.jdpl.framework.plan.PlannedDevice;
import org.jdpl.framework.plan.Route;
import org.jdpl.framework.run.SegmentSlots;
import org.jdpl.transport.MessageLayout;
import org.jdpl.transport.segment.PayloadSegment;

/**
 * The Aeron channels of one device replica: its data subscription (stream
 * {@code firstStreamId + replica}, none for a source), the control subscription, and one publication
 * per distinct consumer stream its routes reach (durable routes go through queues instead). Closed by the runner that opened it.
 *
 * <p>In a plan that spans hosts, a stream whose consumer replica runs on another host is Aeron UDP to
 * that host's address (port {@link org.jdpl.framework.plan.NetSettings#portOf}); a replica with a
 * producer on another host also listens on its UDP port, beside its IPC stream.
 */
final class DeviceChannels implements AutoCloseable
{
    static final String IPC = "aeron:ipc";
    /** The message limit of IPC streams with the default 16 MiB terms, for a device without routes. */
    private static final int DEFAULT_MAX_MESSAGE_BYTES = 2 * 1024 * 1024;

    private final PlannedDevice device;
    private final Subscription data;
    private final Subscription control;
    private final Subscription remoteData;
    private final HostPlacement placement;
    private final Map<Integer, Publication> publications = new LinkedHashMap<>();
    private final Set<Integer> remoteStreams = new HashSet<>();

    DeviceChannels(final Aeron aeron, final PlannedDevice device, final int replica, final int controlStreamId)
    {
        this(aeron, device, replica, controlStreamId, null);
    }

    /** With {@code plan} null or single-host, every channel is IPC. */
    DeviceChannels(final Aeron aeron, final PlannedDevice device, final int replica, final int controlStreamId, final Plan plan)
    {
        this.device = device;
        this.placement = plan == null ? HostPlacement.LOCAL : plan.placement();
        final String host = placement.hostOf(device.name(), replica);
        this.control = aeron.addSubscription(IPC, controlStreamId);
        this.data = device.isSource() ? null : aeron.addSubscription(IPC, device.firstStreamId() + replica);
        this.remoteData = device.isSource() || !hasProducerElsewhere(plan, host) ? null :
            aeron.addSubscription(UdpChannels.subscription(placement.net(), device.firstStreamId() + replica),
                device.firstStreamId() + replica);
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
                    final String consumerHost = placement.hostOf(route.consumer(), r);
                    if (consumerHost.equals(host))
                    {
                        publications.put(streamId, aeron.addPublication(IPC, streamId));
                    }
                    else
                    {
                        remoteStreams.add(streamId);
                        publications.put(streamId, aeron.addPublication(
                            UdpChannels.publication(placement.net(), placement.addressOf(consumerHost), streamId), streamId));
                    }
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

    /** The UDP subscription for producers on other hosts; null when every producer shares this host. */
    Subscription remoteData()
    {
        return remoteData;
    }

    /** Whether any replica of any producer of this device runs on another host than {@code host}. */
    private boolean hasProducerElsewhere(final Plan plan, final String host)
    {
        if (plan == null || !placement.spansHosts())
        {
            return false;
        }
        for (final PlannedDevice producer : plan.devices())
        {
            for (final Route route : producer.routes())
            {
                if (route.consumer().equals(device.name()) && !route.durable())
                {
                    for (int r = 0; r < producer.replicas(); r++)
                    {
                        if (!placement.hostOf(producer.name(), r).equals(host))
                        {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    /** Per route of output {@code label}, in the order of {@link #targetsOf}, whether each consumer replica is on another host. */
    boolean[][] remoteOf(final String label)
    {
        final Publication[][] targets = targetsOf(label);
        final boolean[][] remote = new boolean[targets.length][];
        for (int route = 0; route < targets.length; route++)
        {
            remote[route] = new boolean[targets[route].length];
            for (int r = 0; r < targets[route].length; r++)
            {
                remote[route][r] = remoteStreams.contains(targets[route][r].streamId());
            }
        }
        return remote;
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
            final long[] replicas = new long[route.consumerReplicas()];
            for (int r = 0; r < replicas.length; r++)
            {
                // A consumer on another host gets the bytes, not a hold on a block of this host's segment.
                replicas[r] = remoteStreams.contains(route.consumerFirstStreamId() + r) ? 0 :
                    PayloadSegment.holderBit(SegmentSlots.slotOf(plan, route.consumer(), r, PayloadSegment.maxProcesses()));
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
            // Streams to other hosts carry any size, in parts.
            if (!remoteStreams.contains(publication.streamId()))
            {
                maxMessage = Math.min(maxMessage, publication.maxMessageLength());
            }
        }
        return maxMessage - MessageLayout.PAYLOAD_OFFSET;
    }

    @Override
    public void close()
    {
        CloseHelper.closeAll(publications.values());
        CloseHelper.closeAll(data, remoteData, control);
    }
}
