package org.jdpl.framework.runner;

import org.jdpl.framework.device.Input;
import org.jdpl.framework.device.Inputs;

/** The {@link Inputs} of a timeslice made of one message (the {@link DirectDelivery} fast path): always present. */
final class SingleInput implements Inputs
{
    private final PayloadSlot slot;

    SingleInput(final PayloadSlot slot)
    {
        this.slot = slot;
    }

    @Override
    public Input get(final String label)
    {
        if (!slot.label().equals(label))
        {
            throw new IllegalArgumentException("no input labelled '" + label + "'; this device's inputs are [" + slot.label() +
                "] (a topology may rename specs, never labels)");
        }
        return slot;
    }

    @Override
    public boolean isPresent(final String label)
    {
        return slot.label().equals(label);
    }

    @Override
    public Input get(final int position)
    {
        if (position != 0)
        {
            throw new IndexOutOfBoundsException("input position " + position + ": this device has one input, [" + slot.label() + "]");
        }
        return slot;
    }

    @Override
    public boolean isPresent(final int position)
    {
        get(position);
        return true;
    }

    @Override
    public int count()
    {
        return 1;
    }

    @Override
    public Input at(final int index)
    {
        if (index != 0)
        {
            throw new IndexOutOfBoundsException("input " + index + " of 1 present in timeslice " + slot.timeslice());
        }
        return slot;
    }
}
