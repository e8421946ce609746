package org.jdpl.framework.runner;

import java.time.Duration;
import java.util.List;
import java.util.function.BiFunction;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigUtil;
import org.jdpl.framework.device.Options;

/**
 * A device's options over the HOCON/JSON text the plan carries for it, with the type's defaults
 * behind. A missing or mistyped option is an error naming the device, the option and what to do.
 */
final class ConfigOptions implements Options
{
    private final String device;
    private final Config config;

    ConfigOptions(final String device, final Config config)
    {
        this.device = device;
        this.config = config;
    }

    /** The options of a planned device, its type's defaults behind them; bad ones fail its set-up. */
    static ConfigOptions of(final org.jdpl.framework.plan.PlannedDevice device, final Config defaults) throws DeviceSetupException
    {
        try
        {
            return parse(device.name(), device.options(), defaults);
        }
        catch (final RuntimeException e)
        {
            throw new DeviceSetupException("device '" + device.name() + "' (" + device.origin() + "): bad options: " + e.getMessage(), e);
        }
    }

    /** Parses {@code text} (the plan's options) with {@code defaults} behind it. */
    static ConfigOptions parse(final String device, final String text, final Config defaults)
    {
        final Config parsed = text == null || text.isBlank() ? ConfigFactory.empty() : ConfigFactory.parseString(text);
        return new ConfigOptions(device, parsed.withFallback(defaults).resolve());
    }

    @Override
    public int getInt(final String name)
    {
        return read(name, Config::getInt);
    }

    @Override
    public long getLong(final String name)
    {
        return read(name, Config::getLong);
    }

    @Override
    public double getDouble(final String name)
    {
        return read(name, Config::getDouble);
    }

    @Override
    public boolean getBoolean(final String name)
    {
        return read(name, Config::getBoolean);
    }

    @Override
    public String getString(final String name)
    {
        return read(name, Config::getString);
    }

    @Override
    public long getBytes(final String name)
    {
        return read(name, Config::getBytes);
    }

    @Override
    public Duration getDuration(final String name)
    {
        return read(name, Config::getDuration);
    }

    @Override
    public List<String> getStringList(final String name)
    {
        return read(name, Config::getStringList);
    }

    private <T> T read(final String name, final BiFunction<Config, String, T> getter)
    {
        final String path = ConfigUtil.quoteString(name);
        try
        {
            return getter.apply(config, path);
        }
        catch (final ConfigException.Missing e)
        {
            throw new IllegalArgumentException("device '" + device + "': option '" + name + "' is not set and has no default; " +
                "set it in the topology (" + name + " = ...) or declare its default in the type's reference.conf", e);
        }
        catch (final ConfigException e)
        {
            throw new IllegalArgumentException("device '" + device + "': option '" + name + "' has a bad value: " + e.getMessage(), e);
        }
    }
}
