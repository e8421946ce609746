package org.jdpl.framework.counters;

/**
 * The life of one device replica, as its STATE counter holds it (the ordinal is the value).
 * {@code CREATED → INITIALIZING → READY → RUNNING → ENDING → STOPPED}, and FAILED from any state.
 */
public enum DeviceState
{
    /** Allocated by the Driver; the process has not attached yet. */
    CREATED,
    /** The process attached and is calling the device's init. */
    INITIALIZING,
    /** Initialised, waiting for its channels to connect. */
    READY,
    /** Processing timeslices. */
    RUNNING,
    /** End of stream seen; calling endOfStream and sending the last outputs. */
    ENDING,
    /** Ended cleanly. */
    STOPPED,
    /** Ended badly (device error, lost Driver, killed). */
    FAILED;

    private static final DeviceState[] VALUES = values();

    /** The state a counter value stands for; CREATED for anything unknown. */
    public static DeviceState of(final long value)
    {
        return value >= 0 && value < VALUES.length ? VALUES[(int)value] : CREATED;
    }

    public boolean isFinal()
    {
        return this == STOPPED || this == FAILED;
    }
}
