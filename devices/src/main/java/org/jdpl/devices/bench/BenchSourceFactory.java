package org.jdpl.devices.bench;

import java.util.List;

import org.jdpl.framework.device.Device;
import org.jdpl.framework.device.DeviceFactory;
import org.jdpl.framework.device.OptionSpec;
import org.jdpl.framework.device.OptionType;

/** Registers {@code bench-source}. */
public final class BenchSourceFactory implements DeviceFactory
{
    public static final String TYPE = "bench-source";

    @Override
    public String type()
    {
        return TYPE;
    }

    @Override
    public String description()
    {
        return "benchmark source: timeslices payloads stamped with the clock before allocation, optionally paced";
    }

    @Override
    public List<String> inputs()
    {
        return List.of();
    }

    @Override
    public List<String> outputs()
    {
        return List.of(BenchSource.OUTPUT + ":BNC/DATA/0");
    }

    @Override
    public List<OptionSpec> options()
    {
        return List.of(
            OptionSpec.of("timeslices", OptionType.LONG, "how many timeslices to send (at least 1)"),
            OptionSpec.of("payload-bytes", OptionType.BYTES, "payload size (at least " + BenchSource.MIN_BYTES + " B)"),
            OptionSpec.of("interval-us", OptionType.LONG,
                "time between two sends (one hand-off at a time for latency); 0 = as fast as taken"),
            OptionSpec.of("warmup", OptionType.LONG, "first timeslices marked as warm-up (not measured)"));
    }

    @Override
    public Device create()
    {
        return new BenchSource();
    }
}
