package org.jdpl.framework.counters;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * The key of every counter in a run's counters file: which device (index in the plan), which
 * replica, and which route of it ({@link #NO_ROUTE} for replica and process counters).
 */
public final class CounterKey
{
    public static final int LENGTH = 12;
    public static final int NO_ROUTE = -1;
    /** The device index of {@link CounterScope#HOST host counters}, whose replica is the host's index. */
    public static final int HOST_DEVICE = -1;
    private static final int DEVICE_OFFSET = 0;
    private static final int REPLICA_OFFSET = 4;
    private static final int ROUTE_OFFSET = 8;

    private CounterKey()
    {
    }

    /** Writes a key; returns its length. */
    static int write(final MutableDirectBuffer key, final int deviceIndex, final int replica, final int routeIndex)
    {
        key.putInt(DEVICE_OFFSET, deviceIndex);
        key.putInt(REPLICA_OFFSET, replica);
        key.putInt(ROUTE_OFFSET, routeIndex);
        return LENGTH;
    }

    public static int deviceIndex(final DirectBuffer key)
    {
        return key.getInt(DEVICE_OFFSET);
    }

    public static int replica(final DirectBuffer key)
    {
        return key.getInt(REPLICA_OFFSET);
    }

    public static int routeIndex(final DirectBuffer key)
    {
        return key.getInt(ROUTE_OFFSET);
    }
}
