package org.jdpl.framework.counters;

/** Who a counter belongs to, and so who writes it. */
public enum CounterScope
{
    /** One per device replica, written by the device process. */
    REPLICA,
    /** One per route of a device replica (an edge of the graph), written by the device process. */
    ROUTE,
    /** One per device replica, written by the Driver about the process (from /proc and its exit). */
    PROCESS,
    /**
     * One per host of a multi-host run, only in the launching host's counters file: written by the
     * launcher as the host's counters arrive and as its agent ends.
     */
    HOST;

    /** Every replica of a plan has one counter of this scope per type. */
    public boolean perReplica()
    {
        return this == REPLICA || this == PROCESS;
    }
}
