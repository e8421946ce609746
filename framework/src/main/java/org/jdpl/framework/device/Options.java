package org.jdpl.framework.device;

import java.time.Duration;
import java.util.List;

/** A device's options, defaults merged with the topology's values, already validated. */
public interface Options
{
    int getInt(String name);

    long getLong(String name);

    double getDouble(String name);

    boolean getBoolean(String name);

    String getString(String name);

    /** A size in bytes ({@code 16M} allowed). */
    long getBytes(String name);

    Duration getDuration(String name);

    List<String> getStringList(String name);
}
