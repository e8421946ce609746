package org.jdpl.framework.counters;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.agrona.concurrent.status.CountersReader;

/**
 * Every counter of a run's counters file read once, grouped by replica, in plan order. Reading
 * only loads values; the writers never notice. Names come from the labels, so a reader needs
 * nothing but the file.
 */
public final class CountersSnapshot
{
    private final long takenNs;
    private final List<ReplicaSample> replicas;
    private final List<HostSample> hosts;

    private CountersSnapshot(final long takenNs, final List<ReplicaSample> replicas, final List<HostSample> hosts)
    {
        this.takenNs = takenNs;
        this.replicas = replicas;
        this.hosts = hosts;
    }

    public static CountersSnapshot read(final RunCountersFile file)
    {
        final CountersReader reader = file.reader();
        final Map<Long, ReplicaSample> byReplica = new HashMap<>();
        final List<ReplicaSample> ordered = new ArrayList<>();
        final List<RouteParts> routeParts = new ArrayList<>();
        final Map<Integer, long[]> hostValues = new HashMap<>();
        final Map<Integer, String> hostNames = new HashMap<>();
        reader.forEach((id, typeId, key, label) ->
        {
            final CounterType type = CounterType.ofId(typeId);
            if (type == null)
            {
                return;
            }
            if (type.scope() == CounterScope.HOST)
            {
                final int host = CounterKey.replica(key);
                hostNames.put(host, hostName(label));
                hostValues.computeIfAbsent(host, k -> new long[2])[type == CounterType.HOST_STATE ? 0 : 1] = reader.getCounterValue(id);
                return;
            }
            final int deviceIndex = CounterKey.deviceIndex(key);
            final int replica = CounterKey.replica(key);
            final ReplicaSample sample = byReplica.computeIfAbsent(((long)deviceIndex << 32) | replica, k ->
            {
                final ReplicaSample s = new ReplicaSample(deviceName(label), deviceIndex, replica);
                ordered.add(s);
                return s;
            });
            final long value = reader.getCounterValue(id);
            if (type.scope() == CounterScope.ROUTE)
            {
                routeParts.add(new RouteParts(sample, CounterKey.routeIndex(key), consumer(label), type, value));
            }
            else
            {
                sample.set(type, value);
            }
        });
        collectRoutes(routeParts);
        ordered.sort(Comparator.comparingInt(ReplicaSample::deviceIndex).thenComparingInt(ReplicaSample::replica));
        final List<HostSample> hosts = new ArrayList<>();
        hostValues.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> hosts.add(new HostSample(
            hostNames.get(e.getKey()), e.getKey(), HostState.of(e.getValue()[0]), e.getValue()[1])));
        return new CountersSnapshot(System.nanoTime(), ordered, List.copyOf(hosts));
    }

    /** When it was read ({@link System#nanoTime()}), for rates between two snapshots. */
    public long takenNs()
    {
        return takenNs;
    }

    public List<ReplicaSample> replicas()
    {
        return replicas;
    }

    /** The hosts of a multi-host run, in plan order, as the launching host's file holds them; empty in any other file. */
    public List<HostSample> hosts()
    {
        return hosts;
    }

    /** The sample of host {@code name}, or null. */
    public HostSample host(final String name)
    {
        for (final HostSample h : hosts)
        {
            if (h.host().equals(name))
            {
                return h;
            }
        }
        return null;
    }

    /** The sample of {@code device#replica}, or null. */
    public ReplicaSample replica(final String device, final int replica)
    {
        for (final ReplicaSample s : replicas)
        {
            if (s.device().equals(device) && s.replica() == replica)
            {
                return s;
            }
        }
        return null;
    }

    /** Every replica reached a final state. */
    public boolean allFinal()
    {
        for (final ReplicaSample s : replicas)
        {
            if (!s.state().isFinal())
            {
                return false;
            }
        }
        return !replicas.isEmpty();
    }

    private static void collectRoutes(final List<RouteParts> parts)
    {
        final Map<ReplicaSample, Map<Integer, long[]>> values = new HashMap<>();
        final Map<ReplicaSample, Map<Integer, String>> names = new HashMap<>();
        for (final RouteParts p : parts)
        {
            final long[] pair = values.computeIfAbsent(p.sample, k -> new HashMap<>()).computeIfAbsent(p.route, k -> new long[2]);
            pair[p.type == CounterType.ROUTE_MESSAGES_OUT ? 0 : 1] = p.value;
            names.computeIfAbsent(p.sample, k -> new HashMap<>()).put(p.route, p.consumer);
        }
        for (final Map.Entry<ReplicaSample, Map<Integer, long[]>> e : values.entrySet())
        {
            e.getValue().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(r -> e.getKey().routes().add(
                new RouteSample(r.getKey(), names.get(e.getKey()).get(r.getKey()), r.getValue()[0], r.getValue()[1])));
        }
    }

    /** {@code name} of a {@code name#r: ...} or {@code name#r -> c.l: ...} label. */
    private static String deviceName(final String label)
    {
        final int hash = label.lastIndexOf('#', label.indexOf(':') < 0 ? label.length() : label.indexOf(':'));
        return hash < 0 ? label : label.substring(0, hash);
    }

    /** {@code NAME} of a {@code host NAME: ...} label. */
    private static String hostName(final String label)
    {
        final int colon = label.lastIndexOf(": ");
        return label.substring(RunCountersFile.HOST_LABEL_PREFIX.length(), colon < 0 ? label.length() : colon);
    }

    /** {@code c.l} of a {@code name#r -> c.l: ...} label. */
    private static String consumer(final String label)
    {
        final int arrow = label.indexOf(" -> ");
        final int colon = label.lastIndexOf(": ");
        return arrow < 0 || colon < arrow ? "?" : label.substring(arrow + 4, colon);
    }

    private record RouteParts(ReplicaSample sample, int route, String consumer, CounterType type, long value)
    {
    }
}
