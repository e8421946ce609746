package org.jdpl.framework.driver;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.aeron.Aeron;
import io.aeron.Publication;
import org.agrona.concurrent.UnsafeBuffer;
import org.jdpl.framework.counters.CounterType;
import org.jdpl.framework.counters.DeviceState;
import org.jdpl.framework.counters.ReplicaCounters;
import org.jdpl.framework.counters.RunCountersFile;
import org.jdpl.framework.plan.Plan;
import org.jdpl.framework.plan.PlannedDevice;
import org.jdpl.framework.plan.Route;
import org.jdpl.transport.MessageEncoder;
import org.jdpl.transport.MessageLayout;

/**
 * Sends the end of stream a device can no longer send itself: for an expendable device that died
 * (so its consumers do not wait for it forever), and to a restarted replica on behalf of producers
 * that had already ended (the new process did not see their end of stream).
 * <p>
 * Nothing here waits: ends of stream are queued and offered from {@link #doWork()}, the supervisor's
 * duty cycle. One for a restarted replica is held until that replica's counters say it is running:
 * an IPC subscriber joins at the stream's current position, so an end of stream offered while the
 * new JVM is still starting (or while only the dead one's subscription is linked) would never reach it.
 */
final class EndOfStreamProxy implements AutoCloseable
{
    private final Aeron aeron;
    private final Plan plan;
    private final String host;
    private final RunCountersFile counters;
    private final Map<Integer, Publication> publications = new HashMap<>();
    private final List<Pending> pending = new ArrayList<>();
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[MessageLayout.PAYLOAD_OFFSET]);
    private final MessageEncoder encoder = new MessageEncoder();

    /**
     * One end of stream still to offer on {@code streamId}, the stream of the consumer replica whose
     * counters are {@code replica}; a restarted one must be running (its subscription is then linked).
     */
    private record Pending(int streamId, ReplicaCounters replica, boolean restarted)
    {
        boolean canOffer(final DeviceState state)
        {
            return state == DeviceState.RUNNING || state == DeviceState.ENDING || (!restarted && state == DeviceState.READY);
        }
    }

    /** For the consumer replicas on {@code host} ("" when the plan does not span hosts): others are another Driver's to tell. */
    EndOfStreamProxy(final Aeron aeron, final Plan plan, final String host, final RunCountersFile counters)
    {
        this.aeron = aeron;
        this.plan = plan;
        this.host = host;
        this.counters = counters;
    }

    /**
     * An expendable replica is gone for good (it died, or its host did): its producers here drop what
     * they hold for it ({@link #abandon}), and its consumers here get its end of stream.
     */
    void lost(final PlannedDevice device, final int replica)
    {
        abandon(device, replica);
        sendOnBehalfOf(device.name());
    }

    /**
     * One end of stream to every replica of every consumer of {@code device} on this host, as its
     * replica would have sent: once per stream, however many of its routes reach that consumer (a
     * consumer counts one end of stream per producer replica, so a second would end it before its
     * other producers).
     */
    private void sendOnBehalfOf(final String device)
    {
        final Set<Integer> sent = new HashSet<>();
        for (final Route route : plan.device(device).routes())
        {
            for (int r = 0; r < route.consumerReplicas(); r++)
            {
                final int streamId = route.consumerFirstStreamId() + r;
                if (plan.placement().hostOf(route.consumer(), r).equals(host) && sent.add(streamId))
                {
                    pending.add(new Pending(streamId, replicaCounters(plan.device(route.consumer()), r), false));
                }
            }
        }
        doWork();
    }

    /**
     * Marks {@code consumer}'s replica as starting again, before its new process is launched: its
     * state counter still shows what the dead process left there.
     */
    void restarting(final PlannedDevice consumer, final int replica)
    {
        replicaCounters(consumer, replica).state(DeviceState.CREATED);
        pending.removeIf(p -> p.streamId() == consumer.firstStreamId() + replica);
    }

    /**
     * Marks an expendable replica that died as FAILED (a process killed outright leaves its last state):
     * its producers then drop what they hold for it instead of waiting for it forever.
     */
    private void abandon(final PlannedDevice device, final int replica)
    {
        replicaCounters(device, replica).state(DeviceState.FAILED);
    }

    /** One end of stream to {@code consumer}'s replica {@code replica}, once that replica runs. */
    void sendTo(final PlannedDevice consumer, final int replica)
    {
        pending.add(new Pending(consumer.firstStreamId() + replica, replicaCounters(consumer, replica), true));
    }

    /** Offers what can be offered now; returns how many went out. */
    int doWork()
    {
        int sent = 0;
        for (int i = 0; i < pending.size(); )
        {
            final Pending p = pending.get(i);
            final DeviceState state = DeviceState.of(p.replica().get(CounterType.STATE).get());
            if (state.isFinal())
            {
                pending.remove(i); // it ended without it, or died again (a further restart queues its own)
            }
            else if (p.canOffer(state) && offer(p.streamId()))
            {
                pending.remove(i);
                sent++;
            }
            else
            {
                i++;
            }
        }
        return sent;
    }

    private boolean offer(final int streamId)
    {
        final Publication publication = publications.computeIfAbsent(streamId, id -> aeron.addPublication("aeron:ipc", id));
        final int length = encoder.wrap(buffer, 0).writeEndOfStream(0, System.currentTimeMillis());
        final long result = publication.offer(buffer, 0, length);
        // A consumer that is gone cannot be told: its end of stream is dropped, not waited on.
        return result > 0 || result == Publication.CLOSED || result == Publication.MAX_POSITION_EXCEEDED;
    }

    private ReplicaCounters replicaCounters(final PlannedDevice consumer, final int replica)
    {
        return ReplicaCounters.find(counters, plan.devices().indexOf(consumer), replica, consumer.routes().size());
    }

    @Override
    public void close()
    {
        publications.values().forEach(Publication::close);
    }
}
