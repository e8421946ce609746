package org.jdpl.gpu;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads a program's portable kernel source, kept as a resource beside the class that holds its Java form. */
public final class KernelSource
{
    private KernelSource()
    {
    }

    /** The text of resource {@code name} in {@code owner}'s package. */
    public static String read(final Class<?> owner, final String name)
    {
        try (InputStream in = owner.getResourceAsStream(name))
        {
            if (in == null)
            {
                throw new IllegalStateException("kernel source " + name + " is missing from the jdpl-gpu-devices jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("reading kernel source " + name, e);
        }
    }
}
