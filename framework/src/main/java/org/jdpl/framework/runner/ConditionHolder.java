package org.jdpl.framework.runner;

import java.lang.foreign.Arena;
import java.util.List;

import org.jdpl.framework.spec.InputSpec;
import org.jdpl.framework.spec.Lifetime;

/**
 * The latest message of each {@code condition} input (a calibration, say): held across timeslices
 * until the next one replaces it. A segment-backed payload stays held (so valid) until then, and is
 * released on replacement or when the holder closes. Every {@link PendingTimeslice} shows these
 * slots as its condition inputs.
 */
final class ConditionHolder implements AutoCloseable
{
    private final PayloadSlot[] held;
    private final int conditionCount;
    private int heldCount;
    private long updates;

    ConditionHolder(final List<InputSpec> inputs, final Arena arena)
    {
        held = new PayloadSlot[inputs.size()];
        int count = 0;
        for (int i = 0; i < held.length; i++)
        {
            if (inputs.get(i).lifetime() == Lifetime.CONDITION)
            {
                held[i] = new PayloadSlot(inputs.get(i).label(), arena);
                count++;
            }
        }
        conditionCount = count;
    }

    boolean isCondition(final int inputIndex)
    {
        return held[inputIndex] != null;
    }

    /** The held slot of input {@code inputIndex}, or null when it is not a condition. */
    PayloadSlot slot(final int inputIndex)
    {
        return held[inputIndex];
    }

    /** Releases what input {@code inputIndex} holds and returns its slot, to be filled with the new message. */
    PayloadSlot replace(final int inputIndex)
    {
        final PayloadSlot slot = held[inputIndex];
        if (slot.isPresent())
        {
            slot.clear();
        }
        else
        {
            heldCount++;
        }
        updates++;
        return slot;
    }

    /** Every condition input has arrived at least once (true when there are none). */
    boolean allHeld()
    {
        return heldCount == conditionCount;
    }

    long updates()
    {
        return updates;
    }

    @Override
    public void close()
    {
        for (final PayloadSlot slot : held)
        {
            if (slot != null && slot.isPresent())
            {
                slot.clear();
            }
        }
    }
}
