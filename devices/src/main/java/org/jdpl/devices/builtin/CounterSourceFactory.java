package org.jdpl.devices.builtin;

import java.util.List;

import org.jdpl.framework.device.Device;
import org.jdpl.framework.device.DeviceFactory;
import org.jdpl.framework.device.OptionSpec;
import org.jdpl.framework.device.OptionType;

/** {@code counter-source}: produces numbered, verifiable timeslices. */
public final class CounterSourceFactory implements DeviceFactory
{
    public static final String TYPE = "counter-source";

    @Override
    public String type()
    {
        return TYPE;
    }

    @Override
    public String description()
    {
        return "produces timeslices 0, 1, 2, ... with a verifiable payload (id, checksum, derived bytes)";
    }

    @Override
    public List<String> inputs()
    {
        return List.of();
    }

    @Override
    public List<String> outputs()
    {
        return List.of(CounterSource.OUTPUT + ":TST/COUNTER/0");
    }

    @Override
    public List<OptionSpec> options()
    {
        return List.of(
            OptionSpec.ranged("timeslices", OptionType.LONG, 0, Long.MAX_VALUE,
                "how many timeslices to produce; 0 = until the run is stopped"),
            OptionSpec.ranged("payload-bytes", OptionType.BYTES, PayloadPattern.MIN_BYTES, 1L << 30,
                "payload size of every timeslice (16 bytes of id and checksum, then derived bytes)"),
            OptionSpec.ranged("rate-hz", OptionType.DOUBLE, 0, 1e9,
                "timeslices per second; 0 = as fast as the consumers take them"));
    }

    @Override
    public Device create()
    {
        return new CounterSource();
    }
}
