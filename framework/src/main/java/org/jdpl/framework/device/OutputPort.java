package org.jdpl.framework.device;

/**
 * An output declared by a {@link DeviceSpec}: the handle its function writes with
 * {@link Timeslice#make}. The label is resolved once per device instance, at init.
 */
public final class OutputPort extends Port
{
    OutputPort(final String label, final String declared, final int index)
    {
        super(label, declared, index);
    }
}
