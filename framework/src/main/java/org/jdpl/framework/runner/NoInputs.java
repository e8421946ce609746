package org.jdpl.framework.runner;

import org.jdpl.framework.device.Input;
import org.jdpl.framework.device.Inputs;

/** The inputs of a source's call, and of every endOfStream call: none. */
final class NoInputs implements Inputs
{
    static final NoInputs INSTANCE = new NoInputs();

    private NoInputs()
    {
    }

    @Override
    public Input get(final String label)
    {
        throw new IllegalStateException("no input '" + label + "' here: a source has no inputs, and endOfStream gets none");
    }

    @Override
    public boolean isPresent(final String label)
    {
        return false;
    }

    @Override
    public Input get(final int position)
    {
        throw new IllegalStateException("no input " + position + " here: a source has no inputs, and endOfStream gets none");
    }

    @Override
    public boolean isPresent(final int position)
    {
        return false;
    }

    @Override
    public int count()
    {
        return 0;
    }

    @Override
    public Input at(final int index)
    {
        throw new IndexOutOfBoundsException("no inputs here (index " + index + ")");
    }
}
