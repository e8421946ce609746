package org.jdpl.framework.counters;

import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersReader;

/**
 * The counters of one device replica in a run's counters file, found by key: its own, its process
 * counters (the Driver writes those) and one pair per route. Writers set values with release
 * semantics; nothing here allocates after {@link #find}.
 */
public final class ReplicaCounters
{
    private final AtomicCounter[] byType = new AtomicCounter[CounterType.values().length];
    private final AtomicCounter[] routeMessages;
    private final AtomicCounter[] routeBytes;

    private ReplicaCounters(final int routes)
    {
        this.routeMessages = new AtomicCounter[routes];
        this.routeBytes = new AtomicCounter[routes];
    }

    /** The counters of replica {@code replica} of the plan's device number {@code deviceIndex}, which has {@code routes} routes. */
    public static ReplicaCounters find(final RunCountersFile file, final int deviceIndex, final int replica, final int routes)
    {
        final ReplicaCounters counters = new ReplicaCounters(routes);
        file.reader().forEach((id, typeId, key, label) ->
        {
            final CounterType type = CounterType.ofId(typeId);
            if (type == null || CounterKey.deviceIndex(key) != deviceIndex || CounterKey.replica(key) != replica)
            {
                return;
            }
            final AtomicCounter counter = new AtomicCounter(file.values(), id);
            final int route = CounterKey.routeIndex(key);
            if (type == CounterType.ROUTE_MESSAGES_OUT && route >= 0 && route < routes)
            {
                counters.routeMessages[route] = counter;
            }
            else if (type == CounterType.ROUTE_BYTES_OUT && route >= 0 && route < routes)
            {
                counters.routeBytes[route] = counter;
            }
            else if (type.scope().perReplica())
            {
                counters.byType[type.ordinal()] = counter;
            }
        });
        for (final CounterType type : CounterType.values())
        {
            if (type.scope().perReplica() && counters.byType[type.ordinal()] == null)
            {
                throw new IllegalStateException(file.file() + " has no '" + type.label() + "' counter for device #" + deviceIndex +
                    " replica " + replica + "; was it made for another plan?");
            }
        }
        return counters;
    }

    public AtomicCounter get(final CounterType type)
    {
        return byType[type.ordinal()];
    }

    public void set(final CounterType type, final long value)
    {
        byType[type.ordinal()].setRelease(value);
    }

    public void state(final DeviceState state)
    {
        set(CounterType.STATE, state.ordinal());
    }

    public int routeCount()
    {
        return routeMessages.length;
    }

    /** Sets route {@code route}'s totals (a route not in the file is skipped). */
    public void route(final int route, final long messages, final long bytes)
    {
        final AtomicCounter m = routeMessages[route];
        if (m != null)
        {
            m.setRelease(messages);
            routeBytes[route].setRelease(bytes);
        }
    }

    /** For tests and tools: a counter's id, to read it with a {@link CountersReader}. */
    public int id(final CounterType type)
    {
        return byType[type.ordinal()].id();
    }
}
