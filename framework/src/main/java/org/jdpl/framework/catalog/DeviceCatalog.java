package org.jdpl.framework.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.jdpl.framework.device.DeviceFactory;

/**
 * Every device type on the class path, found with {@link ServiceLoader}, with option defaults from
 * their declarations and the merged reference.conf files. A type whose option has no default is a
 * packaging error, reported when the catalog loads.
 */
public final class DeviceCatalog
{
    private final Map<String, DeviceType> types;

    private DeviceCatalog(final Map<String, DeviceType> types)
    {
        this.types = types;
    }

    /** Loads the catalog from the context class loader's class path. */
    public static DeviceCatalog load()
    {
        return load(Thread.currentThread().getContextClassLoader());
    }

    public static DeviceCatalog load(final ClassLoader loader)
    {
        final Config reference = ConfigFactory.defaultReference(loader);
        final Map<String, DeviceType> types = new TreeMap<>();
        for (final DeviceFactory factory : ServiceLoader.load(DeviceFactory.class, loader))
        {
            final DeviceType previous = types.put(factory.type(), DeviceType.of(factory, reference));
            if (previous != null)
            {
                throw new IllegalStateException("device type '" + factory.type() + "' registered twice: by " +
                    previous.factory().getClass().getName() + " and " + factory.getClass().getName());
            }
        }
        return new DeviceCatalog(types);
    }

    /** The type, or null when none of that name is registered. */
    public DeviceType find(final String type)
    {
        return types.get(type);
    }

    public Collection<DeviceType> types()
    {
        return types.values();
    }

    public Collection<String> names()
    {
        return new ArrayList<>(types.keySet());
    }
}
