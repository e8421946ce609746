package org.jdpl.framework.hostcounters;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import io.aeron.Aeron;
import io.aeron.ExclusivePublication;
import org.agrona.CloseHelper;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.CountersReader;
import org.jdpl.framework.counters.RunCountersFile;
import org.jdpl.framework.plan.Plan;
import org.jdpl.framework.plan.PlannedDevice;

/**
 * A host agent's side: every {@link #INTERVAL_NS} it sends the counter values of the replicas on
 * its host to the launching host, one small message per replica. A message that cannot go (not
 * connected yet, back-pressured) is counted and skipped: the next round carries newer values.
 */
public final class HostCountersSender implements Agent, AutoCloseable
{
    public static final long INTERVAL_NS = TimeUnit.MILLISECONDS.toNanos(250);

    private final ExclusivePublication publication;
    private final CountersReader reader;
    private final NanoClock clock;
    private final int hostIndex;
    private final int[] deviceIndex;
    private final int[] replica;
    private final int[] firstId;
    private final int[] count;
    private final UnsafeBuffer message;
    private final MessageAuthenticator authenticator;
    private long lastSendNs;
    private long notSent;

    private HostCountersSender(final ExclusivePublication publication, final RunCountersFile file, final Plan plan, final String host,
        final NanoClock clock, final RunSecret secret)
    {
        this.publication = publication;
        this.authenticator = secret.authenticator(MessageAuthenticator.Kind.COUNTERS);
        this.reader = file.reader();
        this.clock = clock;
        this.hostIndex = plan.placement().hostNames().indexOf(host);
        final ReplicaCounterRanges ranges = ReplicaCounterRanges.of(file, plan);
        final int replicas = ranges.replicaCount();
        final int[] deviceIndex = new int[replicas];
        final int[] replica = new int[replicas];
        final int[] firstId = new int[replicas];
        final int[] count = new int[replicas];
        int most = 0;
        int k = 0;
        for (int d = 0; d < plan.devices().size(); d++)
        {
            final PlannedDevice device = plan.devices().get(d);
            for (int r = 0; r < device.replicas(); r++)
            {
                if (plan.placement().hostOf(device.name(), r).equals(host))
                {
                    final int flat = ranges.flatIndex(d, r);
                    deviceIndex[k] = d;
                    replica[k] = r;
                    firstId[k] = ranges.firstId(flat);
                    count[k] = ranges.count(flat);
                    most = Math.max(most, count[k]);
                    k++;
                }
            }
        }
        this.deviceIndex = Arrays.copyOf(deviceIndex, k);
        this.replica = Arrays.copyOf(replica, k);
        this.firstId = Arrays.copyOf(firstId, k);
        this.count = Arrays.copyOf(count, k);
        this.message = new UnsafeBuffer(new byte[HostCountersCodec.length(most) + MessageAuthenticator.TAG_BYTES]);
        this.lastSendNs = clock.nanoTime() - INTERVAL_NS;
    }

    /**
     * Sends the counters of {@code host}'s replicas, found in {@code file} (made for {@code plan}),
     * to {@code endpoint} ({@code address:port}), each tagged with the run's {@code secret}.
     */
    public static HostCountersSender open(final Aeron aeron, final String endpoint, final RunCountersFile file, final Plan plan,
        final String host, final NanoClock clock, final RunSecret secret)
    {
        if (!plan.placement().hostNames().contains(host))
        {
            throw new IllegalArgumentException("no host '" + host + "' in the plan; its hosts are " + plan.placement().hostNames());
        }
        final ExclusivePublication publication = aeron.addExclusivePublication(
            HostCountersChannel.publication(endpoint), HostCountersChannel.STREAM_ID);
        try
        {
            return new HostCountersSender(publication, file, plan, host, clock, secret);
        }
        catch (final RuntimeException ex)
        {
            publication.close();
            throw ex;
        }
    }

    @Override
    public int doWork()
    {
        final long now = clock.nanoTime();
        if (now - lastSendNs < INTERVAL_NS)
        {
            return 0;
        }
        lastSendNs = now;
        return sendAll();
    }

    /** Sends every replica's values now; returns how many went. */
    int sendAll()
    {
        int sent = 0;
        for (int k = 0; k < firstId.length; k++)
        {
            final int length = HostCountersCodec.encodeHeader(message, hostIndex, deviceIndex[k], replica[k], count[k]);
            for (int i = 0; i < count[k]; i++)
            {
                message.putLong(HostCountersCodec.valueOffset(0, i), reader.getCounterValue(firstId[k] + i));
            }
            if (publication.offer(message, 0, authenticator.sign(message, 0, length)) > 0)
            {
                sent++;
            }
            else
            {
                notSent++;
            }
        }
        return sent;
    }

    /** Sends the last values and closes the publication: the media driver delivers what it holds, then lets go of it. */
    public void finish()
    {
        sendAll();
        CloseHelper.close(publication);
    }

    /** Messages that could not be sent (not connected yet, back-pressure). */
    public long notSent()
    {
        return notSent;
    }

    @Override
    public String roleName()
    {
        return "host-counters-sender";
    }

    @Override
    public void close()
    {
        CloseHelper.close(publication);
    }
}
