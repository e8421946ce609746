package org.jdpl.framework.runner;

import java.lang.foreign.Arena;
import java.util.Arrays;

import org.jdpl.framework.device.Input;
import org.jdpl.framework.device.Inputs;

/**
 * The messages received so far for one timeslice, one {@link PayloadSlot} per declared input.
 * Handed to the device as its {@link Inputs} once complete; pooled and reused afterwards.
 */
final class PendingTimeslice implements Inputs
{
    private final PayloadSlot[] slots;
    private final ConditionHolder conditions;
    private final boolean[] required;
    private final int requiredCount;
    private final int[] arrivalOrder;
    private long timeslice;
    private int presentCount;
    private int requiredPresent;

    PendingTimeslice(final String[] labels, final boolean[] required, final ConditionHolder conditions, final Arena arena)
    {
        this.slots = new PayloadSlot[labels.length];
        this.conditions = conditions;
        for (int i = 0; i < labels.length; i++)
        {
            // A condition input shows the held message, shared by every timeslice; it is never claimed or cleared here.
            slots[i] = conditions.isCondition(i) ? conditions.slot(i) : new PayloadSlot(labels[i], arena);
        }
        this.required = required;
        int count = 0;
        for (final boolean r : required)
        {
            count += r ? 1 : 0;
        }
        this.requiredCount = count;
        this.arrivalOrder = new int[labels.length];
    }

    void reset(final long timeslice)
    {
        this.timeslice = timeslice;
        clearAll();
    }

    /** Clears every message (releasing segment blocks) once the timeslice is done or dropped. */
    void clearAll()
    {
        for (int i = 0; i < presentCount; i++)
        {
            slots[arrivalOrder[i]].clear();
        }
        presentCount = 0;
        requiredPresent = 0;
    }

    long timeslice()
    {
        return timeslice;
    }

    /** The slot for {@code inputIndex}, or null when that input already arrived for this timeslice. */
    PayloadSlot claim(final int inputIndex)
    {
        final PayloadSlot slot = slots[inputIndex];
        if (slot.isPresent())
        {
            return null;
        }
        arrivalOrder[presentCount++] = inputIndex;
        if (required[inputIndex])
        {
            requiredPresent++;
        }
        return slot;
    }

    /** The slot of {@code inputIndex}, whether its message arrived or not. */
    PayloadSlot slot(final int inputIndex)
    {
        return slots[inputIndex];
    }

    /** How many messages arrived for this timeslice (held conditions not counted). */
    int arrived()
    {
        return presentCount;
    }

    /** A required input arrived (with no required inputs: any input did). */
    boolean hasRequired()
    {
        return requiredCount == 0 ? presentCount > 0 : requiredPresent > 0;
    }

    /** Every required input is here (with no required inputs: any one input is). */
    boolean isComplete()
    {
        return presentCount > 0 && requiredPresent == requiredCount;
    }

    @Override
    public Input get(final String label)
    {
        final int position = positionOf(label);
        if (position < 0)
        {
            throw new IllegalArgumentException("no input labelled '" + label + "'; this device's inputs are " + labels() +
                " (a topology may rename specs, never labels)");
        }
        return get(position);
    }

    @Override
    public boolean isPresent(final String label)
    {
        final int position = positionOf(label);
        return position >= 0 && slots[position].isPresent();
    }

    @Override
    public Input get(final int position)
    {
        final PayloadSlot slot = slots[position];
        if (!slot.isPresent())
        {
            throw new IllegalStateException("input '" + slot.label() + "' has no message in timeslice " + timeslice +
                " (an optional input, or completion = any): check inputs().isPresent(\"" + slot.label() + "\") first");
        }
        return slot;
    }

    @Override
    public boolean isPresent(final int position)
    {
        return slots[position].isPresent();
    }

    private int positionOf(final String label)
    {
        for (int i = 0; i < slots.length; i++)
        {
            if (slots[i].label().equals(label))
            {
                return i;
            }
        }
        return -1;
    }

    /** The inputs that arrived for this timeslice, then the conditions held. */
    @Override
    public int count()
    {
        int count = presentCount;
        for (int i = 0; i < slots.length; i++)
        {
            if (conditions.isCondition(i) && slots[i].isPresent())
            {
                count++;
            }
        }
        return count;
    }

    @Override
    public Input at(final int index)
    {
        if (index >= 0 && index < presentCount)
        {
            return slots[arrivalOrder[index]];
        }
        int held = presentCount;
        for (int i = 0; i < slots.length && index >= 0; i++)
        {
            if (conditions.isCondition(i) && slots[i].isPresent() && held++ == index)
            {
                return slots[i];
            }
        }
        throw new IndexOutOfBoundsException("input " + index + " of " + count() + " present in timeslice " + timeslice);
    }

    private String labels()
    {
        final String[] labels = new String[slots.length];
        for (int i = 0; i < slots.length; i++)
        {
            labels[i] = slots[i].label();
        }
        return Arrays.toString(labels);
    }
}
