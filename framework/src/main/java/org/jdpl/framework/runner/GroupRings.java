package org.jdpl.framework.runner;

import java.util.LinkedHashMap;
import java.util.Map;

import org.agrona.CloseHelper;
import org.jdpl.framework.channel.InProcessRings;
import org.jdpl.framework.plan.Plan;
import org.jdpl.framework.plan.PlannedDevice;
import org.jdpl.framework.plan.ProcessGroup;
import org.jdpl.framework.plan.Route;
import org.jdpl.transport.MessageLayout;
import org.jdpl.transport.inprocess.InProcessRing;

/**
 * The in-process rings of one process of a group (group replica {@code r}): one into each member
 * that another member feeds. Producer and consumer are both replica {@code r}, so a route from a
 * member to a member goes through the ring only for the timeslices dealt to replica {@code r}; the
 * others go to the consumer's other replicas, in other processes, over Aeron. Made before any member
 * starts, closed after all have ended, by the process that made it.
 */
public final class GroupRings implements InProcessRings, AutoCloseable
{
    /** Default ring size: room for eight messages of the default inline threshold (64 KiB) and their headers. */
    private static final int MIN_CAPACITY_BYTES = 1 << 20;
    private static final int MAX_CAPACITY_BYTES = 1 << 24;

    private final Map<String, InProcessRing> rings = new LinkedHashMap<>();
    private final int replica;

    private GroupRings(final int replica)
    {
        this.replica = replica;
    }

    /** The rings of replica {@code replica} of {@code group}. */
    public static GroupRings of(final Plan plan, final ProcessGroup group, final int replica)
    {
        final GroupRings made = new GroupRings(replica);
        final int capacity = capacityFor(plan.inlineMaxBytes());
        for (final String producer : group.devices())
        {
            for (final Route route : plan.device(producer).routes())
            {
                if (!route.durable() && group.contains(route.consumer()) && !made.rings.containsKey(route.consumer()))
                {
                    made.rings.put(route.consumer(), new InProcessRing(route.consumer(), capacity));
                }
            }
        }
        return made;
    }

    /** A message of the inline threshold takes at most an eighth of a ring; the segment carries anything larger. */
    static int capacityFor(final long inlineMaxBytes)
    {
        final long wanted = 8 * (inlineMaxBytes + MessageLayout.PAYLOAD_OFFSET);
        final long capacity = Math.max(MIN_CAPACITY_BYTES, Long.highestOneBit(Math.max(1, wanted - 1)) << 1);
        return (int)Math.min(MAX_CAPACITY_BYTES, capacity);
    }

    @Override
    public InProcessRing ringInto(final String consumer, final int consumerReplica)
    {
        return consumerReplica == replica ? rings.get(consumer) : null;
    }

    /** The ring {@code device} reads, or null when no member feeds it. */
    InProcessRing ringOf(final PlannedDevice device)
    {
        return rings.get(device.name());
    }

    int ringCount()
    {
        return rings.size();
    }

    @Override
    public void close()
    {
        CloseHelper.closeAll(rings.values());
    }
}
