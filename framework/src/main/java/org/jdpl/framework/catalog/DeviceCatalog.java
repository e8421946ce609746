package org.jdpl.framework.catalog;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.jdpl.framework.device.DeviceFactory;

/**
 * Every device type on the class path, found with {@link ServiceLoader}, with option defaults from
 * their declarations and the merged reference.conf files; and those of device libraries, jars from
 * outside the class path ({@link #withLibraries}). A type whose option has no default is a
 * packaging error, reported when the catalog loads.
 */
public final class DeviceCatalog
{
    private static final String SERVICE_FILE = "META-INF/services/" + DeviceFactory.class.getName();

    private final Map<String, DeviceType> types;
    private final ClassLoader loader;

    private DeviceCatalog(final Map<String, DeviceType> types, final ClassLoader loader)
    {
        this.types = types;
        this.loader = loader;
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
        return new DeviceCatalog(types, loader);
    }

    /**
     * This catalog with the types of {@code libraries} added, each jar in a class loader of its own
     * over this catalog's. A jar named twice counts once. Fails on the first library that is missing,
     * has no device types of its own, or defines a type already known.
     */
    public DeviceCatalog withLibraries(final List<DeviceLibrary> libraries)
    {
        final Map<String, DeviceType> all = new TreeMap<>(types);
        final Map<Path, DeviceLibrary> loaded = new LinkedHashMap<>();
        for (final DeviceLibrary library : libraries)
        {
            final Path jar = library.jar().toAbsolutePath().normalize();
            if (loaded.putIfAbsent(jar, library) != null || isLoaded(jar))
            {
                continue;
            }
            if (!Files.isRegularFile(jar))
            {
                throw new DeviceLibraryException(library, "device library " + library.jar() + " does not exist", null);
            }
            final List<DeviceType> found = typesIn(library, jar);
            if (found.isEmpty())
            {
                throw new DeviceLibraryException(library, "device library " + library.jar() + " has no device types (no " +
                    SERVICE_FILE + " listing classes of its own)", null);
            }
            for (final DeviceType type : found)
            {
                final DeviceType previous = all.putIfAbsent(type.name(), type);
                if (previous != null)
                {
                    throw new DeviceLibraryException(library, "device type '" + type.name() + "' is defined twice: by " +
                        previous.source() + " and by " + jar, null);
                }
            }
        }
        return new DeviceCatalog(all, loader);
    }

    private boolean isLoaded(final Path jar)
    {
        return types.values().stream().anyMatch(type -> jar.equals(type.library()));
    }

    private List<DeviceType> typesIn(final DeviceLibrary library, final Path jar)
    {
        // Never closed: the catalog's types (and the devices they create in this JVM) live as long as it does.
        final URLClassLoader jarLoader;
        try
        {
            jarLoader = new URLClassLoader("device library " + jar.getFileName(), new URL[] {jar.toUri().toURL()}, loader);
        }
        catch (final MalformedURLException e)
        {
            throw new DeviceLibraryException(library, "device library " + library.jar() + ": " + e.getMessage(), e);
        }
        final Config reference = ConfigFactory.defaultReference(jarLoader);
        final List<DeviceType> found = new ArrayList<>();
        try
        {
            // The jar's loader also sees the class path's services: only the jar's own classes are its types.
            for (final ServiceLoader.Provider<DeviceFactory> provider : ServiceLoader.load(DeviceFactory.class, jarLoader).stream().toList())
            {
                if (provider.type().getClassLoader() == jarLoader)
                {
                    found.add(DeviceType.of(provider.get(), reference, jar));
                }
            }
        }
        catch (final ServiceConfigurationError | IllegalStateException | LinkageError e)
        {
            throw new DeviceLibraryException(library, "device library " + library.jar() + " cannot be loaded: " + e.getMessage(), e);
        }
        return found;
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
