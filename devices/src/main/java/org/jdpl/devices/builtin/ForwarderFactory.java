package org.jdpl.devices.builtin;

import java.util.List;

import org.jdpl.framework.device.Device;
import org.jdpl.framework.device.DeviceFactory;
import org.jdpl.framework.device.OptionSpec;
import org.jdpl.framework.device.ProcessingContext;

/** {@code forwarder}: passes every payload on unchanged, as a pipeline stage for tests and benchmarks. */
public final class ForwarderFactory implements DeviceFactory
{
    public static final String TYPE = "forwarder";
    static final String INPUT = "in";
    static final String OUTPUT = "out";

    @Override
    public String type()
    {
        return TYPE;
    }

    @Override
    public String description()
    {
        return "passes each payload of input 'in' on output 'out', unchanged";
    }

    @Override
    public List<String> inputs()
    {
        return List.of(INPUT + ":TST/COUNTER");
    }

    @Override
    public List<String> outputs()
    {
        return List.of(OUTPUT + ":TST/FORWARD/0");
    }

    @Override
    public List<OptionSpec> options()
    {
        return List.of();
    }

    @Override
    public Device create()
    {
        return (final ProcessingContext ctx) -> ctx.outputs().forward(OUTPUT, ctx.inputs().get(INPUT));
    }
}
