package org.jdpl.framework.counters;

import java.util.ArrayList;
import java.util.List;

/**
 * One device replica's counters as read at one moment: its values by {@link CounterType} and its
 * routes. Made by {@link CountersSnapshot}; read-only for everyone else.
 */
public final class ReplicaSample
{
    private final String device;
    private final int deviceIndex;
    private final int replica;
    private final long[] values = new long[CounterType.values().length];
    private final List<RouteSample> routes = new ArrayList<>();

    ReplicaSample(final String device, final int deviceIndex, final int replica)
    {
        this.device = device;
        this.deviceIndex = deviceIndex;
        this.replica = replica;
        values[CounterType.EXIT_CODE.ordinal()] = CounterType.NO_EXIT;
    }

    public String device()
    {
        return device;
    }

    public int deviceIndex()
    {
        return deviceIndex;
    }

    public int replica()
    {
        return replica;
    }

    /** {@code name#replica}. */
    public String label()
    {
        return device + "#" + replica;
    }

    public long get(final CounterType type)
    {
        return values[type.ordinal()];
    }

    public DeviceState state()
    {
        return DeviceState.of(get(CounterType.STATE));
    }

    public List<RouteSample> routes()
    {
        return routes;
    }

    void set(final CounterType type, final long value)
    {
        values[type.ordinal()] = value;
    }
}
