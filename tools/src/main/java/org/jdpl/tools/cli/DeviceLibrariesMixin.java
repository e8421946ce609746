package org.jdpl.tools.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jdpl.framework.catalog.DeviceCatalog;
import org.jdpl.framework.catalog.DeviceLibrary;
import org.jdpl.framework.catalog.DeviceLibraryException;
import picocli.CommandLine.Option;

/** Where device types come from: the class path, {@code $JDPL_DEVICE_PATH}, and {@code --devices} jars. */
public final class DeviceLibrariesMixin
{
    @Option(names = "--devices", paramLabel = "JAR",
        description = "A jar of your own device types (repeatable); also $" + DeviceLibrary.PATH_VARIABLE + " (jars or directories of jars, ':'-separated) "
            + "and libraries = [...] in a topology.")
    List<Path> jars = new ArrayList<>();

    /** The device types of the class path and of every library named on the command line or in the environment. */
    DeviceCatalog catalog()
    {
        final List<DeviceLibrary> libraries = new ArrayList<>(
            DeviceLibrary.fromPath(System.getenv(DeviceLibrary.PATH_VARIABLE), "$" + DeviceLibrary.PATH_VARIABLE));
        jars.forEach(jar -> libraries.add(new DeviceLibrary(jar, "--devices")));
        try
        {
            return classPathCatalog().withLibraries(libraries);
        }
        catch (final DeviceLibraryException e)
        {
            throw new UserError(e.library().origin() + ": " + e.getMessage(), ExitCode.FAILED);
        }
    }

    /** The device types on the class path; a type packaged without its defaults is reported without a stack trace. */
    static DeviceCatalog classPathCatalog()
    {
        try
        {
            return DeviceCatalog.load();
        }
        catch (final IllegalStateException e)
        {
            throw new UserError("cannot load the device types: " + e.getMessage(), ExitCode.FAILED);
        }
    }
}
