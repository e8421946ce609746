package org.jdpl.framework.device;

/**
 * An input declared by a {@link DeviceSpec}: the handle its function reads with
 * {@link Timeslice#input}. The label is resolved once per device instance, at init.
 */
public final class InputPort
{
    private final String label;
    private final String declared;
    private final int index;

    InputPort(final String label, final String declared, final int index)
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

    /** Its place among the spec's declared inputs. */
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
