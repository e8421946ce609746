package org.jdpl.framework.driver;

import java.util.concurrent.TimeUnit;

import io.aeron.Aeron;
import io.aeron.AeronCounters;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.status.CountersReader;

/**
 * Keeps a host's media driver alive until its UDP publications are done. A device that ended has
 * closed its publications, but what it sent may still be on its way to another host, or lost there
 * and waiting to be sent again: the media driver drains each closed publication, then lingers to
 * answer late NAKs, and only then frees its sender counter. Closing the media driver before would
 * lose the tail of the stream, end of stream included, and the consumer would wait forever.
 */
final class NetworkDrain
{
    static final long TIMEOUT_NS = TimeUnit.SECONDS.toNanos(30);

    private NetworkDrain()
    {
    }

    /** Waits until no UDP publication remains in the media driver, or {@code timeoutNs}; returns how many remain. */
    static int await(final Aeron aeron, final long timeoutNs)
    {
        final IdleStrategy idle = new SleepingMillisIdleStrategy(10);
        final long deadline = System.nanoTime() + timeoutNs;
        int remaining = senders(aeron.countersReader());
        while (remaining > 0 && System.nanoTime() < deadline)
        {
            idle.idle();
            remaining = senders(aeron.countersReader());
        }
        return remaining;
    }

    private static int senders(final CountersReader counters)
    {
        final int[] count = new int[1];
        counters.forEach((counterId, typeId, keyBuffer, label) ->
        {
            if (typeId == AeronCounters.DRIVER_SENDER_POSITION_TYPE_ID)
            {
                count[0]++;
            }
        });
        return count[0];
    }
}
