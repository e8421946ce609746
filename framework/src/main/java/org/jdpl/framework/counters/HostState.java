package org.jdpl.framework.counters;

/** A host of a multi-host run as the launching host sees it (the ordinal is its HOST_STATE counter's value). */
public enum HostState
{
    /** Its agent started; none of its counters arrived yet. */
    STARTING,
    /** Its counters arrive. */
    LIVE,
    /** Its agent ended well; its counters are the last it sent. */
    ENDED,
    /** Its agent failed or died; its counters are the last it sent. */
    DEAD;

    private static final HostState[] VALUES = values();

    /** The state a counter value stands for; STARTING for anything unknown. */
    public static HostState of(final long value)
    {
        return value >= 0 && value < VALUES.length ? VALUES[(int)value] : STARTING;
    }
}
