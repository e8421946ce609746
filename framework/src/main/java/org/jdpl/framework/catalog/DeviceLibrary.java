package org.jdpl.framework.catalog;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A jar of device types from outside the class path, and where the user named it
 * ({@code --devices}, {@code JDPL_DEVICE_PATH}, {@code topology.conf:3}), for messages.
 */
public record DeviceLibrary(Path jar, String origin)
{
    /** The variable that names device libraries for every command. */
    public static final String PATH_VARIABLE = "JDPL_DEVICE_PATH";

    /** The jars a {@code JDPL_DEVICE_PATH}-style value names: entries separated by ':', a directory standing for the jars in it. */
    public static List<DeviceLibrary> fromPath(final String value, final String origin)
    {
        final List<DeviceLibrary> libraries = new ArrayList<>();
        if (value == null || value.isBlank())
        {
            return libraries;
        }
        for (final String entry : value.split(File.pathSeparator))
        {
            if (entry.isBlank())
            {
                continue;
            }
            final Path path = Path.of(entry);
            if (Files.isDirectory(path))
            {
                try (Stream<Path> files = Files.list(path))
                {
                    files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted()
                        .forEach(jar -> libraries.add(new DeviceLibrary(jar, origin)));
                }
                catch (final IOException e)
                {
                    throw new UncheckedIOException(e);
                }
            }
            else
            {
                libraries.add(new DeviceLibrary(path, origin));
            }
        }
        return libraries;
    }
}
