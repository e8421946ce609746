package org.jdpl.framework.runner;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.agrona.concurrent.status.AtomicCounter;
import org.jdpl.framework.counters.CounterType;
import org.jdpl.framework.counters.ReplicaCounters;
import org.jdpl.framework.counters.RunCountersFile;
import org.jdpl.framework.plan.Plan;
import org.jdpl.framework.plan.PlannedDevice;
import org.jdpl.framework.plan.Route;

/**
 * How many timeframes every sink downstream of one source is done with, read from the run's shared
 * counters (what each replica publishes anyway), so that the source can hold back. A sink is done
 * with a timeframe when one of its replicas processed it (timeslices are dealt mod N, so a sink's
 * count is the sum over its replicas) or when it was dropped on its way: by the sink or by any
 * device upstream of it (a dropped timeframe never arrives, and must not stay in flight forever).
 * The source's figure is the minimum over its sinks. A sink without a {@code timeframe} input is
 * not counted: it need not see every timeframe (sporadic, optional), so it cannot say when one is done.
 *
 * <p>Failure never blocks the source: a sink with a replica whose process has exited (and, with
 * it, every timeframe that replica held) stops counting until the replica is back, and a
 * restarted replica, whose counts start again from zero, is noticed ({@link #restartSeen()}) so
 * the source can forgive what the dead process lost. Nothing allocates after construction.
 */
final class SinkCompletions
{
    /** One device replica watched: its published counts, carried over restarts. */
    private static final class Watched
    {
        final AtomicCounter in;
        final AtomicCounter dropped;
        final AtomicCounter exitCode;
        final AtomicCounter restarts;
        long lastIn;
        long lastDropped;
        long lastRestarts;
        long inCarried;
        long droppedCarried;

        Watched(final ReplicaCounters counters)
        {
            in = counters.get(CounterType.TIMESLICES_IN);
            dropped = counters.get(CounterType.TIMESLICES_DROPPED);
            exitCode = counters.get(CounterType.EXIT_CODE);
            restarts = counters.get(CounterType.RESTARTS);
            lastRestarts = restarts.get();
        }
    }

    private final Watched[] watched;
    /** Per sink: indices in {@link #watched} of its replicas (completions count). */
    private final int[][] sinkReplicas;
    /** Per sink: indices of the replicas of it and every non-source device upstream (drops count). */
    private final int[][] dropReplicas;
    private final String[] sinkNames;
    private boolean restartSeen;

    private SinkCompletions(final Watched[] watched, final int[][] sinkReplicas, final int[][] dropReplicas, final String[] sinkNames)
    {
        this.watched = watched;
        this.sinkReplicas = sinkReplicas;
        this.dropReplicas = dropReplicas;
        this.sinkNames = sinkNames;
    }

    /** Watches the sinks reachable from {@code source} in the plan, through the run's counters file. */
    static SinkCompletions of(final Plan plan, final String source, final RunCountersFile file)
    {
        final List<PlannedDevice> devices = plan.devices();
        final Map<String, Integer> index = new HashMap<>();
        for (int d = 0; d < devices.size(); d++)
        {
            index.put(devices.get(d).name(), d);
        }
        final List<Watched> watched = new ArrayList<>();
        final Map<String, Integer> firstWatched = new HashMap<>();
        final List<int[]> sinkReplicas = new ArrayList<>();
        final List<int[]> dropReplicas = new ArrayList<>();
        final List<String> names = new ArrayList<>();
        for (final String sink : reachable(plan, source))
        {
            final PlannedDevice s = plan.device(sink);
            if (!s.isSink() || s.inputs().stream().noneMatch(input -> input.lifetime().requiredForCompletion()))
            {
                continue;
            }
            final List<Integer> drops = new ArrayList<>();
            for (final String d : upstreamOf(plan, sink))
            {
                final PlannedDevice device = plan.device(d);
                if (device.isSource())
                {
                    continue;
                }
                final int first = firstWatched.computeIfAbsent(d, k ->
                {
                    final int at = watched.size();
                    for (int r = 0; r < device.replicas(); r++)
                    {
                        watched.add(new Watched(ReplicaCounters.find(file, index.get(d), r, device.routes().size())));
                    }
                    return at;
                });
                for (int r = 0; r < device.replicas(); r++)
                {
                    drops.add(first + r);
                }
            }
            final int[] own = new int[s.replicas()];
            for (int r = 0; r < own.length; r++)
            {
                own[r] = firstWatched.get(sink) + r;
            }
            sinkReplicas.add(own);
            dropReplicas.add(drops.stream().mapToInt(Integer::intValue).toArray());
            names.add(sink);
        }
        return new SinkCompletions(watched.toArray(new Watched[0]), sinkReplicas.toArray(new int[0][]),
            dropReplicas.toArray(new int[0][]), names.toArray(new String[0]));
    }

    /** The sinks watched, for messages. */
    List<String> sinks()
    {
        return List.of(sinkNames);
    }

    /**
     * Reads the counters: the fewest timeframes any live sink is done with, or
     * {@link Long#MAX_VALUE} when no sink can hold the source back (none, or all have a dead replica).
     */
    long poll()
    {
        for (final Watched w : watched)
        {
            final long in = w.in.get();
            final long dropped = w.dropped.get();
            // A count that went down belongs to a restarted process: what the old one counted is kept.
            if (in < w.lastIn || dropped < w.lastDropped)
            {
                restartSeen = true;
            }
            w.inCarried += in < w.lastIn ? w.lastIn : 0;
            w.droppedCarried += dropped < w.lastDropped ? w.lastDropped : 0;
            w.lastIn = in;
            w.lastDropped = dropped;
            final long restarts = w.restarts.get();
            if (restarts != w.lastRestarts)
            {
                w.lastRestarts = restarts;
                restartSeen = true;
            }
        }
        long fewest = Long.MAX_VALUE;
        for (int s = 0; s < sinkReplicas.length; s++)
        {
            if (anyExited(dropReplicas[s]))
            {
                continue;
            }
            long done = 0;
            for (final int i : sinkReplicas[s])
            {
                done += watched[i].inCarried + watched[i].lastIn;
            }
            for (final int i : dropReplicas[s])
            {
                done += watched[i].droppedCarried + watched[i].lastDropped;
            }
            fewest = Math.min(fewest, done);
        }
        return fewest;
    }

    /** Whether a watched replica restarted since the last call (what it held is lost). */
    boolean restartSeen()
    {
        final boolean seen = restartSeen;
        restartSeen = false;
        return seen;
    }

    private boolean anyExited(final int[] replicas)
    {
        for (final int i : replicas)
        {
            if (watched[i].exitCode.get() != CounterType.NO_EXIT)
            {
                return true;
            }
        }
        return false;
    }

    /** Every device downstream of {@code from}, by the plan's routes. */
    private static Set<String> reachable(final Plan plan, final String from)
    {
        final Set<String> seen = new LinkedHashSet<>();
        final ArrayDeque<String> todo = new ArrayDeque<>(List.of(from));
        while (!todo.isEmpty())
        {
            for (final Route route : plan.device(todo.poll()).routes())
            {
                if (seen.add(route.consumer()))
                {
                    todo.add(route.consumer());
                }
            }
        }
        return seen;
    }

    /** {@code sink} and every device upstream of it. */
    private static Set<String> upstreamOf(final Plan plan, final String sink)
    {
        final Set<String> seen = new LinkedHashSet<>(List.of(sink));
        final ArrayDeque<String> todo = new ArrayDeque<>(List.of(sink));
        while (!todo.isEmpty())
        {
            final String consumer = todo.poll();
            for (final PlannedDevice producer : plan.devices())
            {
                for (final Route route : producer.routes())
                {
                    if (route.consumer().equals(consumer) && seen.add(producer.name()))
                    {
                        todo.add(producer.name());
                    }
                }
            }
        }
        return seen;
    }
}
