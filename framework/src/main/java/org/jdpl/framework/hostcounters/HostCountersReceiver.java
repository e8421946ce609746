package org.jdpl.framework.hostcounters;

import java.util.List;

import io.aeron.Aeron;
import io.aeron.Subscription;
import io.aeron.FragmentAssembler;
import io.aeron.logbuffer.FragmentHandler;
import io.aeron.logbuffer.Header;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersReader;
import org.jdpl.framework.counters.CounterKey;
import org.jdpl.framework.counters.CounterType;
import org.jdpl.framework.counters.HostState;
import org.jdpl.framework.counters.RunCountersFile;
import org.jdpl.framework.plan.Plan;
import org.jdpl.framework.plan.PlannedDevice;

/**
 * The launching host's side: receives the hosts' counter messages and writes their values into its
 * own counters file (made for the whole plan, with host counters), where {@code dpl status} and
 * {@code dpl top} read them as they read a local run's. A message without the run's tag
 * ({@link MessageAuthenticator}: a stranger's, another run's) is counted and dropped, as is one that
 * does not fit the plan (a replica that is not on the host that sent it, another value count).
 */
public final class HostCountersReceiver implements Agent, AutoCloseable
{
    private static final int FRAGMENT_LIMIT = 64;

    private final Subscription subscription;
    private final AtomicBuffer values;
    private final EpochClock clock;
    private final ReplicaCounterRanges ranges;
    /** The host index of each flat replica. */
    private final int[] hostOfReplica;
    private final AtomicCounter[] hostState;
    private final AtomicCounter[] hostUpdateMs;
    /** A replica with many routes may need more than one UDP frame; the assembler's buffer grows once, then is reused. */
    private final FragmentHandler onFragment = new FragmentAssembler(this::onMessage);
    private final MessageAuthenticator authenticator;
    private long rejected;
    private long unauthenticated;

    private HostCountersReceiver(final Subscription subscription, final RunCountersFile file, final Plan plan, final EpochClock clock,
        final RunSecret secret)
    {
        this.subscription = subscription;
        this.authenticator = secret.authenticator(MessageAuthenticator.Kind.COUNTERS);
        this.values = file.values();
        this.clock = clock;
        this.ranges = ReplicaCounterRanges.of(file, plan);
        final List<String> hosts = plan.placement().hostNames();
        this.hostOfReplica = new int[ranges.replicaCount()];
        for (int d = 0; d < plan.devices().size(); d++)
        {
            final PlannedDevice device = plan.devices().get(d);
            for (int r = 0; r < device.replicas(); r++)
            {
                hostOfReplica[ranges.flatIndex(d, r)] = hosts.indexOf(plan.placement().hostOf(device.name(), r));
            }
        }
        this.hostState = new AtomicCounter[hosts.size()];
        this.hostUpdateMs = new AtomicCounter[hosts.size()];
        file.reader().forEach((id, typeId, key, label) ->
        {
            final int host = CounterKey.replica(key);
            if (CounterKey.deviceIndex(key) == CounterKey.HOST_DEVICE && host >= 0 && host < hosts.size())
            {
                if (typeId == CounterType.HOST_STATE.id())
                {
                    hostState[host] = new AtomicCounter(file.values(), id);
                }
                else if (typeId == CounterType.HOST_UPDATE_MS.id())
                {
                    hostUpdateMs[host] = new AtomicCounter(file.values(), id);
                }
            }
        });
        for (int h = 0; h < hosts.size(); h++)
        {
            if (hostState[h] == null || hostUpdateMs[h] == null)
            {
                throw new IllegalStateException(file.file() + " has no counters of host '" + hosts.get(h) + "'; make it with the plan's hosts");
            }
        }
    }

    /**
     * Subscribes on {@link HostCountersChannel#SUBSCRIPTION} and writes into {@code file}, made for {@code plan} and its hosts,
     * what comes tagged with {@code secret}.
     */
    public static HostCountersReceiver open(final Aeron aeron, final RunCountersFile file, final Plan plan, final EpochClock clock,
        final RunSecret secret)
    {
        final Subscription subscription = aeron.addSubscription(HostCountersChannel.SUBSCRIPTION, HostCountersChannel.STREAM_ID);
        try
        {
            return new HostCountersReceiver(subscription, file, plan, clock, secret);
        }
        catch (final RuntimeException ex)
        {
            subscription.close();
            throw ex;
        }
    }

    /** The port the subscription is bound to, or 0 while the media driver has not bound it yet. */
    public int port()
    {
        final String resolved = subscription.tryResolveChannelEndpointPort();
        if (resolved == null)
        {
            return 0;
        }
        final String endpoint = io.aeron.ChannelUri.parse(resolved).get(io.aeron.CommonContext.ENDPOINT_PARAM_NAME);
        return Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1));
    }

    @Override
    public int doWork()
    {
        return subscription.poll(onFragment, FRAGMENT_LIMIT);
    }

    /** The agent of host {@code hostIndex} exited: its rows keep the last values it sent, and say how it ended. */
    public void onHostExit(final int hostIndex, final boolean ok)
    {
        hostState[hostIndex].setRelease((ok ? HostState.ENDED : HostState.DEAD).ordinal());
    }

    /**
     * How long, at {@code nowMs}, host {@code hostIndex}'s counters have not arrived: -1 unless they
     * have arrived at least once and its agent has not exited (a starting agent is not silent).
     */
    public long silentMs(final int hostIndex, final long nowMs)
    {
        return hostState[hostIndex].get() == HostState.LIVE.ordinal() ? nowMs - hostUpdateMs[hostIndex].get() : -1;
    }

    /** Messages dropped because they did not fit the plan. */
    public long rejected()
    {
        return rejected;
    }

    /** Messages dropped because they did not carry the run's tag. */
    public long unauthenticated()
    {
        return unauthenticated;
    }

    private void onMessage(final DirectBuffer buffer, final int offset, final int taggedLength, final Header header)
    {
        if (!authenticator.verify(buffer, offset, taggedLength))
        {
            unauthenticated++;
            return;
        }
        final int length = taggedLength - MessageAuthenticator.TAG_BYTES;
        if (length < HostCountersCodec.VALUES_OFFSET)
        {
            rejected++;
            return;
        }
        final int host = HostCountersCodec.hostIndex(buffer, offset);
        final int flat = ranges.flatIndex(HostCountersCodec.deviceIndex(buffer, offset), HostCountersCodec.replica(buffer, offset));
        final int count = HostCountersCodec.count(buffer, offset);
        if (flat < 0 || hostOfReplica[flat] != host || ranges.count(flat) != count || length != HostCountersCodec.length(count))
        {
            rejected++;
            return;
        }
        final int firstId = ranges.firstId(flat);
        for (int i = 0; i < count; i++)
        {
            values.putLongRelease(CountersReader.counterOffset(firstId + i), buffer.getLong(HostCountersCodec.valueOffset(offset, i)));
        }
        hostUpdateMs[host].setRelease(clock.time());
        if (hostState[host].get() == HostState.STARTING.ordinal())
        {
            hostState[host].setRelease(HostState.LIVE.ordinal());
        }
    }

    @Override
    public String roleName()
    {
        return "host-counters-receiver";
    }

    @Override
    public void close()
    {
        CloseHelper.close(subscription);
    }
}
