package org.jdpl.framework.plan;

/** When a device's timeslice counts as complete, and so when {@code process} is called. */
public enum Completion
{
    /** Every timeframe-lifetime input present (the default). */
    ALL,
    /** Each arriving message is processed at once, alone. */
    ANY,
    /** As ALL, and timeslices are delivered in increasing order. */
    ORDERED
}
