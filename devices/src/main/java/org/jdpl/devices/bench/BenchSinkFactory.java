package org.jdpl.devices.bench;

import java.util.List;

import org.jdpl.framework.device.Device;
import org.jdpl.framework.device.DeviceFactory;
import org.jdpl.framework.device.OptionSpec;

/** Registers {@code bench-sink}. */
public final class BenchSinkFactory implements DeviceFactory
{
    public static final String TYPE = "bench-sink";

    @Override
    public String type()
    {
        return TYPE;
    }

    @Override
    public String description()
    {
        return "benchmark sink: hand-off latency (HdrHistogram) and throughput of bench-source payloads, as metrics";
    }

    @Override
    public List<String> inputs()
    {
        return List.of(BenchSink.INPUT + ":BNC/DATA");
    }

    @Override
    public List<String> outputs()
    {
        return List.of();
    }

    @Override
    public List<OptionSpec> options()
    {
        return List.of();
    }

    @Override
    public Device create()
    {
        return new BenchSink();
    }
}
