package org.jdpl.gpu.service;

import java.time.Duration;
import java.util.List;

import com.typesafe.config.Config;
import org.jdpl.framework.device.Options;

/** The step's options as the service file gave them, its type's defaults behind. */
record StepOptions(Config config) implements Options
{
    @Override
    public int getInt(final String name)
    {
        return config.getInt(name);
    }

    @Override
    public long getLong(final String name)
    {
        return config.getLong(name);
    }

    @Override
    public double getDouble(final String name)
    {
        return config.getDouble(name);
    }

    @Override
    public boolean getBoolean(final String name)
    {
        return config.getBoolean(name);
    }

    @Override
    public String getString(final String name)
    {
        return config.getString(name);
    }

    @Override
    public long getBytes(final String name)
    {
        return config.getBytes(name);
    }

    @Override
    public Duration getDuration(final String name)
    {
        return config.getDuration(name);
    }

    @Override
    public List<String> getStringList(final String name)
    {
        return config.getStringList(name);
    }
}
