package org.jdpl.framework.testing;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.List;

import org.jdpl.framework.device.Input;
import org.jdpl.framework.device.Inputs;
import org.jdpl.framework.spec.DataSpec;
import org.jdpl.framework.spec.InputSpec;

/** The inputs of one test call: what the test staged, by the device's input positions, in the order staged. */
final class TestInputs implements Inputs
{
    private final List<InputSpec> specs;
    private final Staged[] slots;
    private final int[] arrivalOrder;
    private int count;

    TestInputs(final List<InputSpec> specs)
    {
        this.specs = specs;
        this.slots = new Staged[specs.size()];
        this.arrivalOrder = new int[specs.size()];
    }

    /** Stages {@code payload} on {@code label}; fails for a label the device does not have or one staged twice. */
    void stage(final String label, final DataSpec spec, final MemorySegment payload)
    {
        final int position = positionOf(label);
        if (position < 0)
        {
            throw new IllegalArgumentException("the device has no input labelled '" + label + "'; its inputs are " + labels());
        }
        if (slots[position] != null)
        {
            throw new IllegalStateException("input '" + label + "' already has a message for this call");
        }
        slots[position] = new Staged(label, spec == null ? concrete(specs.get(position)) : spec, -1, payload.asReadOnly());
        arrivalOrder[count++] = position;
    }

    /** Sets the timeslice of everything staged; true when something is. */
    boolean seal(final long timeslice)
    {
        for (int i = 0; i < slots.length; i++)
        {
            final Staged slot = slots[i];
            slots[i] = slot == null ? null : new Staged(slot.label(), slot.spec(), timeslice, slot.payload());
        }
        return count > 0;
    }

    void clear()
    {
        Arrays.fill(slots, null);
        count = 0;
    }

    @Override
    public Input get(final String label)
    {
        final int position = positionOf(label);
        if (position < 0)
        {
            throw new IllegalArgumentException("no input labelled '" + label + "'; this device's inputs are " + labels());
        }
        return get(position);
    }

    @Override
    public boolean isPresent(final String label)
    {
        final int position = positionOf(label);
        return position >= 0 && slots[position] != null;
    }

    @Override
    public Input get(final int position)
    {
        if (slots[position] == null)
        {
            throw new IllegalStateException("input '" + specs.get(position).label() + "' has no message in this call: check isPresent first");
        }
        return slots[position];
    }

    @Override
    public boolean isPresent(final int position)
    {
        return slots[position] != null;
    }

    @Override
    public int count()
    {
        return count;
    }

    @Override
    public Input at(final int index)
    {
        if (index < 0 || index >= count)
        {
            throw new IndexOutOfBoundsException("input " + index + " of " + count + " present");
        }
        return slots[arrivalOrder[index]];
    }

    private int positionOf(final String label)
    {
        for (int i = 0; i < specs.size(); i++)
        {
            if (specs.get(i).label().equals(label))
            {
                return i;
            }
        }
        return -1;
    }

    private List<String> labels()
    {
        return specs.stream().map(InputSpec::label).toList();
    }

    /** What a producer matching the input would send: its origin and description, subspec 0 where any is taken. */
    private static DataSpec concrete(final InputSpec input)
    {
        final long subSpec = input.matcher().isConcrete() ? input.matcher().subSpec() : 0;
        return new DataSpec(input.matcher().origin(), input.matcher().description(), subSpec);
    }

    /** A staged message, read-only as a received one is. */
    private record Staged(String label, DataSpec spec, long timeslice, MemorySegment payload) implements Input
    {
    }
}
