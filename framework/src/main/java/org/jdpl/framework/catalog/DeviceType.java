package org.jdpl.framework.catalog;

import java.nio.file.Path;
import java.util.List;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValueFactory;
import org.jdpl.framework.device.DeviceFactory;
import org.jdpl.framework.device.OptionSpec;

/**
 * A registered device type: its factory, its option defaults (from the options' declarations and
 * reference.conf, {@code jdpl.device-types.<type>}), and the jar it came from when that is not on the
 * class path ({@code library}, else null).
 */
public record DeviceType(DeviceFactory factory, Config defaults, Path library)
{
    /** Where option defaults live in reference.conf. */
    public static final String DEFAULTS_PATH = "jdpl.device-types";

    /**
     * The type of {@code factory}, with the defaults it declares and those in {@code reference}
     * (which wins, so that a packager can change a declared default without recompiling). An option
     * with neither is a packaging error.
     */
    public static DeviceType of(final DeviceFactory factory, final Config reference)
    {
        return of(factory, reference, null);
    }

    /** As {@link #of(DeviceFactory, Config)}, for a type from the device library {@code library}. */
    public static DeviceType of(final DeviceFactory factory, final Config reference, final Path library)
    {
        final String path = DEFAULTS_PATH + "." + ConfigUtil.quoteString(factory.type());
        Config defaults = reference.hasPath(path) ? reference.getConfig(path) : ConfigFactory.empty();
        for (final OptionSpec option : factory.options())
        {
            final String key = ConfigUtil.quoteString(option.name());
            if (option.defaultValue() != null)
            {
                defaults = defaults.withFallback(ConfigFactory.empty().withValue(key,
                    ConfigValueFactory.fromAnyRef(option.defaultValue(), "declared by " + factory.getClass().getName())));
            }
            if (!defaults.hasPath(key))
            {
                throw new IllegalStateException("device type '" + factory.type() + "' (" + factory.getClass().getName() +
                    ") declares option '" + option.name() + "' without a default (none declared, none at " + path + " in its reference.conf)");
            }
        }
        return new DeviceType(factory, defaults, library);
    }

    public String name()
    {
        return factory.type();
    }

    /** Where it comes from, for messages: its jar, or the class path. */
    public String source()
    {
        return library == null ? "the class path" : library.toString();
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
