package org.jdpl.framework.channel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
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
import org.jdpl.transport.inprocess.InProcessRing;
import org.jdpl.transport.segment.PayloadSegment;

/**
 * The channels of one device replica: its data subscription (stream {@code firstStreamId + replica},
 * none for a source), the control subscription, and one {@link Outlet} per distinct consumer stream
 * its routes reach: an Aeron IPC publication, or the in-process ring of a consumer replica in the
 * same process group (durable routes go through queues instead). Closed by the runner that opened
 * it; the rings belong to the group's process.
 *
 * <p>In a plan that spans hosts, a stream whose consumer replica runs on another host is Aeron UDP to
 * that host's address (port {@link org.jdpl.framework.plan.NetSettings#portOf}); a replica with a
 * producer on another host also listens on its UDP port, beside its IPC stream. Consumers on other
 * hosts that take every message of this replica share one {@link FanOutStreams fan-out stream}: their
 * outlets are one outlet, and each of them subscribes to it.
 */
public final class DeviceChannels implements AutoCloseable
{
    public static final String IPC = "aeron:ipc";
    /** The message limit of IPC streams with the default 16 MiB terms, for a device without routes. */
    private static final int DEFAULT_MAX_MESSAGE_BYTES = 2 * 1024 * 1024;

    private final PlannedDevice device;
    private final Subscription data;
    private final Subscription control;
    private final Subscription[] remoteData;
    private final HostPlacement placement;
    private final Map<Integer, Publication> publications = new LinkedHashMap<>();
    private final Map<Integer, Outlet> outlets = new LinkedHashMap<>();
    private final Set<Integer> remoteStreams = new HashSet<>();
    private int fanOutStreams;

    /**
     * @param plan  the plan, for host placement; null or single-host: every channel is local
     * @param rings the in-process rings of this replica's process group, or null when it runs in a process of its own
     */
    public DeviceChannels(final Aeron aeron, final PlannedDevice device, final int replica, final int controlStreamId,
        final Plan plan, final InProcessRings rings)
    {
        this.device = device;
        this.placement = plan == null ? HostPlacement.LOCAL : plan.placement();
        final String host = placement.hostOf(device.name(), replica);
        this.control = aeron.addSubscription(IPC, controlStreamId);
        this.data = device.isSource() ? null : aeron.addSubscription(IPC, device.firstStreamId() + replica);
        final FanOutStreams fanOuts = FanOutStreams.of(plan);
        this.remoteData = device.isSource() ? new Subscription[0] : remoteSubscriptions(aeron, plan, host, replica, fanOuts);
        for (final FanOutStreams.Stream fanOut : fanOuts.from(device.name(), replica))
        {
            final Publication publication = aeron.addPublication(UdpChannels.fanOutPublication(placement.net(),
                placement.addressOf(host), fanOut.streamId()), fanOut.streamId());
            final Outlet outlet = new PublicationOutlet(publication,
                new FanOutMembers(aeron, publication, fanOut.consumerStreams().size()));
            publications.put(fanOut.streamId(), publication);
            fanOutStreams++;
            for (final int member : fanOut.consumerStreams())
            {
                outlets.put(member, outlet);
                remoteStreams.add(member);
            }
        }
        for (final Route route : device.routes())
        {
            if (route.durable())
            {
                continue;
            }
            for (int r = 0; r < route.consumerReplicas(); r++)
            {
                final int streamId = route.consumerFirstStreamId() + r;
                if (outlets.containsKey(streamId))
                {
                    continue;
                }
                final InProcessRing ring = rings == null ? null : rings.ringInto(route.consumer(), r);
                if (ring != null)
                {
                    outlets.put(streamId, new RingOutlet(ring));
                    continue;
                }
                final String consumerHost = placement.hostOf(route.consumer(), r);
                final Publication publication;
                if (consumerHost.equals(host))
                {
                    publication = aeron.addPublication(IPC, streamId);
                }
                else
                {
                    remoteStreams.add(streamId);
                    publication = aeron.addPublication(
                        UdpChannels.publication(placement.net(), placement.addressOf(consumerHost), streamId), streamId);
                }
                publications.put(streamId, publication);
                outlets.put(streamId, new PublicationOutlet(publication));
            }
        }
    }

    /** The fan-out streams this replica sends on. */
    public int fanOutStreams()
    {
        return fanOutStreams;
    }

    /** Null for a source. */
    public Subscription data()
    {
        return data;
    }

    public Subscription control()
    {
        return control;
    }

    /** The UDP subscriptions for producers on other hosts: its own port, and the fan-out streams it is a member of; empty when none. */
    public Subscription[] remoteData()
    {
        return remoteData;
    }

    private Subscription[] remoteSubscriptions(final Aeron aeron, final Plan plan, final String host, final int replica,
        final FanOutStreams fanOuts)
    {
        final int streamId = device.firstStreamId() + replica;
        final List<Subscription> remote = new ArrayList<>();
        if (hasProducerElsewhere(plan, host))
        {
            remote.add(aeron.addSubscription(UdpChannels.subscription(placement.net(), placement.addressOf(host), streamId), streamId));
        }
        for (final FanOutStreams.Stream fanOut : fanOuts.into(streamId))
        {
            remote.add(aeron.addSubscription(UdpChannels.fanOutSubscription(placement.net(), placement.addressOf(host),
                placement.addressOf(fanOut.producerHost()), fanOut.streamId()), fanOut.streamId()));
        }
        return remote.toArray(Subscription[]::new);
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

    /** Every outlet, once each (a fan-out outlet stands for several consumer streams). */
    public List<Outlet> allOutlets()
    {
        final Set<Outlet> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
        return outlets.values().stream().filter(distinct::add).toList();
    }

    /**
     * The targets of output {@code label}: per route (one per distinct consumer stream range), the
     * consumer replicas a timeslice is dealt among. A route to a condition input is one target per
     * replica instead, since every replica needs every condition message.
     */
    private List<List<ConsumerReplica>> targetGroupsOf(final String label)
    {
        final List<List<ConsumerReplica>> groups = new ArrayList<>();
        final List<Integer> seenFirstStreams = new ArrayList<>();
        for (final Route route : device.routes())
        {
            if (route.durable() || !route.outputLabel().equals(label) || seenFirstStreams.contains(route.consumerFirstStreamId()))
            {
                continue;
            }
            seenFirstStreams.add(route.consumerFirstStreamId());
            final List<ConsumerReplica> replicas = new ArrayList<>();
            for (int r = 0; r < route.consumerReplicas(); r++)
            {
                final ConsumerReplica replica = new ConsumerReplica(route.consumer(), r, route.consumerFirstStreamId() + r);
                if (route.condition())
                {
                    groups.add(List.of(replica));
                }
                else
                {
                    replicas.add(replica);
                }
            }
            if (!replicas.isEmpty())
            {
                groups.add(replicas);
            }
        }
        return groups;
    }

    /** Per target of output {@code label} ({@link #targetGroupsOf}), the outlet to each consumer replica, indexed by replica. */
    public Outlet[][] targetsOf(final String label)
    {
        return targetGroupsOf(label).stream()
            .map(group -> group.stream().map(c -> outlets.get(c.streamId())).toArray(Outlet[]::new))
            .toArray(Outlet[][]::new);
    }

    /** Per target of output {@code label}, in the order of {@link #targetsOf}, whether each consumer replica is on another host. */
    public boolean[][] remoteOf(final String label)
    {
        final List<List<ConsumerReplica>> groups = targetGroupsOf(label);
        final boolean[][] remote = new boolean[groups.size()][];
        for (int g = 0; g < remote.length; g++)
        {
            remote[g] = new boolean[groups.get(g).size()];
            for (int r = 0; r < remote[g].length; r++)
            {
                remote[g][r] = remoteStreams.contains(groups.get(g).get(r).streamId());
            }
        }
        return remote;
    }

    /**
     * Per target of output {@code label}, in the order of {@link #targetsOf}, the payload-segment
     * holder bit of each consumer replica (from the plan's slot assignment).
     */
    public long[][] holdersOf(final String label, final Plan plan)
    {
        // A consumer on another host gets the bytes, not a hold on a block of this host's segment.
        return targetGroupsOf(label).stream()
            .map(group -> group.stream().mapToLong(c -> remoteStreams.contains(c.streamId()) ? 0 :
                PayloadSegment.holderBit(SegmentSlots.slotOf(plan, c.device(), c.replica(), PayloadSegment.maxProcesses()))).toArray())
            .toArray(long[][]::new);
    }

    /** One replica of a consumer, and the stream it listens on. */
    private record ConsumerReplica(String device, int replica, int streamId)
    {
    }

    /** The largest payload one message can carry on every stream of this device. */
    public int maxPayloadBytes()
    {
        int maxMessage = DEFAULT_MAX_MESSAGE_BYTES;
        for (final Map.Entry<Integer, Outlet> outlet : outlets.entrySet())
        {
            // Streams to other hosts carry any size, in parts.
            if (!remoteStreams.contains(outlet.getKey()))
            {
                maxMessage = Math.min(maxMessage, outlet.getValue().maxMessageLength());
            }
        }
        return maxMessage - MessageLayout.PAYLOAD_OFFSET;
    }

    @Override
    public void close()
    {
        CloseHelper.closeAll(publications.values());
        CloseHelper.closeAll(remoteData);
        CloseHelper.closeAll(data, control);
    }
}
