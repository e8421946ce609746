package org.jdpl.framework.driver;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.aeron.Aeron;
import io.aeron.Publication;
import org.agrona.concurrent.UnsafeBuffer;
import org.jdpl.framework.plan.Plan;
import org.jdpl.framework.plan.PlannedDevice;
import org.jdpl.framework.plan.Route;
import org.jdpl.transport.MessageEncoder;
import org.jdpl.transport.MessageLayout;

/**
 * Sends the end of stream a device can no longer send itself: for an expendable device that died
 * (so its consumers do not wait for it forever), and to a restarted replica on behalf of producers
 * that had already ended (the new process did not see their end of stream).
 */
final class EndOfStreamProxy implements AutoCloseable
{
    private static final long OFFER_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(2);

    private final Aeron aeron;
    private final Plan plan;
    private final Map<Integer, Publication> publications = new HashMap<>();
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[MessageLayout.PAYLOAD_OFFSET]);

    EndOfStreamProxy(final Aeron aeron, final Plan plan)
    {
        this.aeron = aeron;
        this.plan = plan;
    }

    /**
     * One end of stream to every replica of every consumer of {@code device}, as its replica would
     * have sent: once per stream, however many of its routes reach that consumer (a consumer counts
     * one end of stream per producer replica, so a second would end it before its other producers).
     */
    void sendOnBehalfOf(final String device)
    {
        final Set<Integer> sent = new HashSet<>();
        for (final Route route : plan.device(device).routes())
        {
            for (int r = 0; r < route.consumerReplicas(); r++)
            {
                final int streamId = route.consumerFirstStreamId() + r;
                if (sent.add(streamId))
                {
                    send(streamId);
                }
            }
        }
    }

    /** One end of stream to {@code consumer}'s replica {@code replica}. */
    void sendTo(final PlannedDevice consumer, final int replica)
    {
        send(consumer.firstStreamId() + replica);
    }

    private void send(final int streamId)
    {
        final Publication publication = publications.computeIfAbsent(streamId, id -> aeron.addPublication("aeron:ipc", id));
        final int length = new MessageEncoder().wrap(buffer, 0).writeEndOfStream(0, System.currentTimeMillis());
        final long deadline = System.nanoTime() + OFFER_TIMEOUT_NS;
        // A consumer that is gone cannot be told; the deadline keeps the Driver from waiting on it.
        while (publication.offer(buffer, 0, length) < 0 && System.nanoTime() < deadline)
        {
            Thread.onSpinWait();
        }
    }

    @Override
    public void close()
    {
        publications.values().forEach(Publication::close);
    }
}
