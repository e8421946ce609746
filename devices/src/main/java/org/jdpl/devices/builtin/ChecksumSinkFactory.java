package org.jdpl.devices.builtin;

import java.util.List;

import org.jdpl.framework.device.Device;
import org.jdpl.framework.device.DeviceFactory;
import org.jdpl.framework.device.OptionSpec;
import org.jdpl.framework.device.OptionType;

/** {@code checksum-sink}: checks that every timeslice arrived exactly once, intact. */
public final class ChecksumSinkFactory implements DeviceFactory
{
    public static final String TYPE = "checksum-sink";

    @Override
    public String type()
    {
        return TYPE;
    }

    @Override
    public String description()
    {
        return "verifies every timeslice arrived exactly once with an intact payload; fails the run otherwise";
    }

    @Override
    public List<String> inputs()
    {
        return List.of(ChecksumSink.INPUT + ":TST/FORWARD");
    }

    @Override
    public List<String> outputs()
    {
        return List.of();
    }

    @Override
    public List<OptionSpec> options()
    {
        return List.of(
            OptionSpec.ranged("expected-timeslices", OptionType.LONG, 0, Integer.MAX_VALUE,
                "how many timeslices (ids 0..n-1) must arrive; 0 = infer as the highest id seen + 1"),
            OptionSpec.of("fail-on-error", OptionType.BOOLEAN,
                "fail at end of stream (and so fail the run) when any timeslice is duplicated, missing or corrupt"));
    }

    @Override
    public Device create()
    {
        return new ChecksumSink();
    }
}
