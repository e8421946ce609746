package org.jdpl.framework.device;

import java.util.List;

/**
 * Registers a device type. Found with {@link java.util.ServiceLoader}: list the implementation in
 * {@code META-INF/services/org.jdpl.framework.device.DeviceFactory}. An option's default is in its
 * {@link OptionSpec} (as {@link DeviceSpec} declares it) or in the module's {@code reference.conf}
 * under {@code jdpl.device-types.<type>}. {@link DeviceSpec} implements this interface for you.
 */
public interface DeviceFactory
{
    /** The name used in topologies ({@code use = counter-source}). */
    String type();

    /** One line for {@code dpl devices}. */
    String description();

    /** Default inputs, as spec strings ({@code in:TST/COUNTER}); a topology may override them. */
    List<String> inputs();

    /** Default outputs, as spec strings ({@code out:TST/COUNTER/0}); a topology may override them. */
    List<String> outputs();

    /** The options this type accepts; each needs a default, declared or in reference.conf. */
    List<OptionSpec> options();

    /**
     * Whether its devices need a GPU: the plan then gives each replica its own GPU even when the
     * topology has no {@code gpu} key for it (as if it said {@code gpu = auto}).
     */
    default boolean usesGpu()
    {
        return false;
    }

    /** A new, uninitialised instance. */
    Device create();
}
