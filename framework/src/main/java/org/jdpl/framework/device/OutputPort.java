package org.jdpl.framework.device;

/**
 * An output declared by a {@link DeviceSpec}: the handle its function writes with
 * {@link Timeslice#make}. The label is resolved once per device instance, at init.
 */
public final class OutputPort
{
    private final String label;
    private final String declared;
    private final int index;

    OutputPort(final String label, final String declared, final int index)
    {
        this.label = label;
        this.declared = declared;
        this.index = index;
    }

    public String label()
    {
        return label;
    }

    /** As declared: {@code label:spec}. */
    String declared()
    {
        return declared;
    }

    /** Its place among the spec's declared outputs. */
    int index()
    {
        return index;
    }

    @Override
    public String toString()
    {
        return declared;
    }
}
