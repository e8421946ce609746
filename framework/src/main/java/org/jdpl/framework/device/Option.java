package org.jdpl.framework.device;

import java.util.function.BiFunction;

/** An option declared by a {@link DeviceSpec}: the handle its init reads the value with ({@link Setup#get}). */
public final class Option<T>
{
    private final String name;
    private final BiFunction<Options, String, T> reader;

    Option(final String name, final BiFunction<Options, String, T> reader)
    {
        this.name = name;
        this.reader = reader;
    }

    public String name()
    {
        return name;
    }

    T read(final Options options)
    {
        return reader.apply(options, name);
    }

    @Override
    public String toString()
    {
        return name;
    }
}
