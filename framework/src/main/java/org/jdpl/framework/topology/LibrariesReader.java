package org.jdpl.framework.topology;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import org.jdpl.framework.catalog.DeviceCatalog;
import org.jdpl.framework.catalog.DeviceLibrary;
import org.jdpl.framework.catalog.DeviceLibraryException;
import org.jdpl.framework.catalog.DeviceType;
import org.jdpl.framework.plan.Plan;
import org.jdpl.framework.plan.PlannedDevice;

/**
 * The top-level {@code libraries = ["build/my-devices.jar"]}: jars of device types from outside the
 * class path, each path relative to the file that names it. Their types join the catalog before the
 * devices are validated; a library that cannot be used is one problem at its line.
 */
final class LibrariesReader
{
    private LibrariesReader()
    {
    }

    /** The catalog with the topology's libraries; {@code catalog} itself when it names none or one fails (reported). */
    static DeviceCatalog extend(final DeviceCatalog catalog, final ConfigValue value, final List<Problem> problems)
    {
        if (value == null)
        {
            return catalog;
        }
        if (!(value instanceof ConfigList list))
        {
            problems.add(new Problem(Locations.of(value.origin()), "libraries must be a list of jar files",
                "libraries = [\"build/my-devices.jar\"] (paths relative to this file)"));
            return catalog;
        }
        final List<DeviceLibrary> libraries = new ArrayList<>();
        for (final ConfigValue entry : list)
        {
            if (entry.valueType() != ConfigValueType.STRING)
            {
                problems.add(new Problem(Locations.of(entry.origin()), "a library must be a jar file's path, got " + entry.render(), ""));
                return catalog;
            }
            libraries.add(new DeviceLibrary(relativeToFile(entry.origin(), (String)entry.unwrapped()), Locations.of(entry.origin())));
        }
        try
        {
            return catalog.withLibraries(libraries);
        }
        catch (final DeviceLibraryException e)
        {
            problems.add(new Problem(e.library().origin(), e.getMessage(), ""));
            return catalog;
        }
    }

    /** The plan with the jar of each device-library type it uses. */
    static Plan withJars(final Plan plan, final DeviceCatalog catalog)
    {
        final Map<String, String> jars = new TreeMap<>();
        for (final PlannedDevice device : plan.devices())
        {
            final DeviceType type = catalog.find(device.type());
            if (type != null && type.library() != null)
            {
                jars.put(device.type(), type.library().toString());
            }
        }
        return plan.withLibraries(jars);
    }

    private static Path relativeToFile(final ConfigOrigin origin, final String path)
    {
        final Path given = Path.of(path);
        if (given.isAbsolute() || origin.filename() == null)
        {
            return given;
        }
        final Path parent = Path.of(origin.filename()).toAbsolutePath().getParent();
        return parent == null ? given : parent.resolve(given).normalize();
    }
}
