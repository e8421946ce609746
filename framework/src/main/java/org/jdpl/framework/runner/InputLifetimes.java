package org.jdpl.framework.runner;

import java.lang.foreign.Arena;
import java.util.List;

import org.jdpl.framework.spec.InputSpec;

/**
 * What the lifetimes of a device's inputs add to completion. An {@code optional} or {@code sporadic}
 * message is delivered with its timeslice when it arrives before that timeslice is delivered; one
 * arriving after is <em>late</em>: counted ({@link #lateInputs}), never delivered with another
 * timeslice. A {@code condition} message is part of no timeslice: it is held ({@link ConditionHolder})
 * and every timeslice delivered afterwards sees it, until the next one replaces (and releases) it;
 * until every condition input has arrived once, complete timeslices wait.
 */
final class InputLifetimes implements AutoCloseable
{
    private final boolean[] required;
    private final ConditionHolder conditions;
    private final RecentTimeslices delivered;
    private long lateInputs;

    InputLifetimes(final List<InputSpec> inputs, final Arena arena)
    {
        this.required = new boolean[inputs.size()];
        for (int i = 0; i < required.length; i++)
        {
            required[i] = inputs.get(i).lifetime().requiredForCompletion();
        }
        this.conditions = new ConditionHolder(inputs, arena);
        this.delivered = RecentTimeslices.forInputs(inputs);
    }

    /** Per input, whether a timeslice needs it to be complete. */
    boolean[] required()
    {
        return required;
    }

    ConditionHolder conditions()
    {
        return conditions;
    }

    /** An optional or sporadic message for a timeslice already delivered: counted, never delivered. */
    boolean isLate(final int inputIndex, final long timeslice)
    {
        if (required[inputIndex] || !delivered.contains(timeslice))
        {
            return false;
        }
        lateInputs++;
        return true;
    }

    /** {@code timeslice} went to the device: its optional messages are late from now on. */
    void delivered(final long timeslice)
    {
        delivered.add(timeslice);
    }

    /** Optional messages dropped at the end with a timeslice that had no required one: late too. */
    void countLate(final int messages)
    {
        lateInputs += messages;
    }

    /** Optional or sporadic messages that arrived after their timeslice was delivered (or never had one). */
    long lateInputs()
    {
        return lateInputs;
    }

    /** How many condition messages arrived (each replaced the one held). */
    long conditionUpdates()
    {
        return conditions.updates();
    }

    /** Whether input {@code inputIndex} is a condition (its ids are versions, not timeslices). */
    boolean isCondition(final int inputIndex)
    {
        return conditions.isCondition(inputIndex);
    }

    /** Whether the device has optional or sporadic inputs, which can be late. */
    boolean hasNonRequiredInputs()
    {
        return delivered.isTracking();
    }

    /** Whether every condition input has arrived once (true when there are none). */
    boolean conditionsHeld()
    {
        return conditions.allHeld();
    }

    @Override
    public void close()
    {
        conditions.close();
    }
}
