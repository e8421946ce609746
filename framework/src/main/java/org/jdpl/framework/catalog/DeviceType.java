package org.jdpl.framework.catalog;

import java.util.List;

import com.typesafe.config.Config;
import org.jdpl.framework.device.DeviceFactory;
import org.jdpl.framework.device.OptionSpec;

/**
 * A registered device type: its factory and the option defaults read from reference.conf
 * ({@code jdpl.device-types.<type>}).
 */
public record DeviceType(DeviceFactory factory, Config defaults)
{
    public String name()
    {
        return factory.type();
    }

    public List<OptionSpec> options()
    {
        return factory.options();
    }

    public OptionSpec option(final String name)
    {
        for (final OptionSpec option : factory.options())
        {
            if (option.name().equals(name))
            {
                return option;
            }
        }
        return null;
    }
}
