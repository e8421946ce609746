package org.jdpl.framework.device;

/**
 * An input declared by a {@link DeviceSpec}: the handle its function reads with
 * {@link Timeslice#input}. The label is resolved once per device instance, at init.
 */
public final class InputPort extends Port
{
    InputPort(final String label, final String declared, final int index)
    {
        super(label, declared, index);
    }
}
