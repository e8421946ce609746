package org.jdpl.framework.channel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jdpl.framework.plan.FanOut;
import org.jdpl.framework.plan.HostPlacement;
import org.jdpl.framework.plan.Plan;
import org.jdpl.framework.plan.PlannedDevice;
import org.jdpl.framework.plan.Route;

/**
 * The one-to-many streams between hosts of a plan: where a producer replica sends every message it
 * sends to any of several consumer replicas on other hosts to all of them, those consumers share one
 * stream (multi-destination-cast or multicast, {@code net.fan-out}) instead of one unicast stream
 * each, so the producer sends each message once and the slowest of them sets the pace.
 *
 * <p>A consumer replica belongs to a producer replica's fan-out when it is on another host and, for
 * every output of the producer, it either takes every message (the sole replica of its route, or a
 * condition input) or none; consumers that take the same outputs form one fan-out when they are two or
 * more. A replica among several that a route deals timeslices to never does: it must not see the
 * others' timeslices. Every host computes the same streams from the same plan: the producer opens
 * the publication, each member subscribes to it, nothing is exchanged to agree on them.
 */
final class FanOutStreams
{
    /**
     * One fan-out stream.
     *
     * @param streamId        its stream id, above every consumer stream of the plan; its port is the producer host's
     * @param producerHost    the host of the producer replica that sends on it
     * @param consumerStreams the member consumer replicas' own stream ids, which this stream stands for
     */
    record Stream(int streamId, String producerHost, Set<Integer> consumerStreams)
    {
    }

    private static final FanOutStreams NONE = new FanOutStreams(Map.of());

    /** Per producer replica ({@code device/replica}), its fan-out streams. */
    private final Map<String, List<Stream>> byProducer;

    private FanOutStreams(final Map<String, List<Stream>> byProducer)
    {
        this.byProducer = byProducer;
    }

    /** The fan-out streams of {@code plan}: none on one host, or with {@code net.fan-out = unicast}. */
    static FanOutStreams of(final Plan plan)
    {
        final HostPlacement placement = plan == null ? HostPlacement.LOCAL : plan.placement();
        if (!placement.spansHosts() || placement.net().fanOut() == FanOut.UNICAST)
        {
            return NONE;
        }
        int next = 1;
        for (final PlannedDevice device : plan.devices())
        {
            next = Math.max(next, device.firstStreamId() + device.replicas());
        }
        final Map<String, List<Stream>> byProducer = new HashMap<>();
        for (final PlannedDevice producer : plan.devices())
        {
            for (int r = 0; r < producer.replicas(); r++)
            {
                final String host = placement.hostOf(producer.name(), r);
                final List<Stream> streams = new ArrayList<>();
                for (final Set<Integer> members : membersOf(producer, host, placement))
                {
                    streams.add(new Stream(next++, host, Set.copyOf(members)));
                }
                if (!streams.isEmpty())
                {
                    byProducer.put(key(producer.name(), r), List.copyOf(streams));
                }
            }
        }
        return new FanOutStreams(byProducer);
    }

    /** The fan-out streams replica {@code replica} of {@code producer} sends on. */
    List<Stream> from(final String producer, final int replica)
    {
        return byProducer.getOrDefault(key(producer, replica), List.of());
    }

    /** The fan-out streams the consumer replica listening on {@code consumerStream} is a member of. */
    List<Stream> into(final int consumerStream)
    {
        final List<Stream> into = new ArrayList<>();
        for (final List<Stream> streams : byProducer.values())
        {
            for (final Stream stream : streams)
            {
                if (stream.consumerStreams().contains(consumerStream))
                {
                    into.add(stream);
                }
            }
        }
        return into;
    }

    /** Groups of remote consumer streams of one producer replica that take exactly the same messages, two or more each. */
    private static List<Set<Integer>> membersOf(final PlannedDevice producer, final String host, final HostPlacement placement)
    {
        final Map<Integer, Set<String>> labelsOf = new LinkedHashMap<>();
        final Set<Integer> dealt = new HashSet<>();
        for (final Route route : producer.routes())
        {
            if (route.durable())
            {
                continue;
            }
            for (int r = 0; r < route.consumerReplicas(); r++)
            {
                final int stream = route.consumerFirstStreamId() + r;
                if (route.consumerReplicas() > 1 && !route.condition())
                {
                    dealt.add(stream);
                }
                else if (!placement.hostOf(route.consumer(), r).equals(host))
                {
                    labelsOf.computeIfAbsent(stream, s -> new TreeSet<>()).add(route.outputLabel());
                }
            }
        }
        final Map<Set<String>, Set<Integer>> byLabels = new LinkedHashMap<>();
        labelsOf.forEach((stream, labels) ->
        {
            if (!dealt.contains(stream))
            {
                byLabels.computeIfAbsent(labels, l -> new TreeSet<>()).add(stream);
            }
        });
        return byLabels.values().stream().filter(members -> members.size() > 1).toList();
    }

    private static String key(final String device, final int replica)
    {
        return device + "/" + replica;
    }
}
