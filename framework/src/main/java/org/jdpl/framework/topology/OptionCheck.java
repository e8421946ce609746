package org.jdpl.framework.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.typesafe.config.ConfigValueFactory;
import org.jdpl.framework.catalog.DeviceType;

/** A device's options checked as {@code dpl validate} checks them (names, value types, ranges), without a topology. */
public final class OptionCheck
{
    private OptionCheck()
    {
    }

    /** Every problem with {@code options} for a device {@code device} of type {@code type}; none when they are fine. */
    public static List<Problem> problems(final String device, final DeviceType type, final Map<String, Object> options, final String origin)
    {
        final List<Problem> problems = new ArrayList<>();
        OptionValidator.validate(device, type, ConfigValueFactory.fromMap(options, origin), problems);
        return problems;
    }
}
