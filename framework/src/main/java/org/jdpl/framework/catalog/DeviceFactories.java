package org.jdpl.framework.catalog;

import java.util.List;
import java.util.ServiceLoader;
import java.util.TreeSet;

import org.jdpl.framework.device.DeviceFactory;

/**
 * The factory of one device type, found with {@link ServiceLoader}, without the {@link DeviceCatalog}'s
 * option defaults: what a device process needs (the plan carries its options with defaults merged),
 * without reading reference.conf or loading Typesafe Config.
 */
public final class DeviceFactories
{
    private DeviceFactories()
    {
    }

    /** The factory registered for {@code type} on {@code loader}'s class path, or null. */
    public static DeviceFactory find(final String type, final ClassLoader loader)
    {
        for (final DeviceFactory factory : ServiceLoader.load(DeviceFactory.class, loader))
        {
            if (factory.type().equals(type))
            {
                return factory;
            }
        }
        return null;
    }

    /** Every registered type's name, sorted, for a message. */
    public static List<String> names(final ClassLoader loader)
    {
        final TreeSet<String> names = new TreeSet<>();
        ServiceLoader.load(DeviceFactory.class, loader).forEach(factory -> names.add(factory.type()));
        return List.copyOf(names);
    }
}
