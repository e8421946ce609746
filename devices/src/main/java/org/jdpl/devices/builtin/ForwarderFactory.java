package org.jdpl.devices.builtin;

import java.util.List;

import org.jdpl.framework.device.Device;
import org.jdpl.framework.device.DeviceFactory;
import org.jdpl.framework.device.OptionSpec;
import org.jdpl.framework.device.OptionType;

/** {@code forwarder}: passes every payload on unchanged, as a pipeline stage for tests and benchmarks. */
public final class ForwarderFactory implements DeviceFactory
{
    public static final String TYPE = "forwarder";
    static final String INPUT = "in";
    static final String OUTPUT = "out";
    static final String FAIL_EVERY = "fail-every";
    static final String CRASH_AT_TIMESLICE = "crash-at-timeslice";
    static final String WORK_US = "work-us";
    static final String WORK_JITTER = "work-jitter";

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
        return List.of(
            OptionSpec.ranged(FAIL_EVERY, OptionType.LONG, 0, Long.MAX_VALUE,
                "for failure tests: throw from process on every n-th timeslice (ids n-1, 2n-1, ...); 0 = never"),
            OptionSpec.ranged(CRASH_AT_TIMESLICE, OptionType.LONG, -1, Long.MAX_VALUE,
                "for failure tests: kill the process (exit status 70, no cleanup) on this timeslice; -1 = never"),
            OptionSpec.ranged(WORK_US, OptionType.LONG, 0, 60_000_000,
                "for benchmarks: busy work per timeslice, in microseconds, to make a slow stage; 0 = none"),
            OptionSpec.ranged(WORK_JITTER, OptionType.DOUBLE, 0, 1,
                "for benchmarks: the work varies uniformly by this fraction either way (0.5: 50%..150% of work-us)"));
    }

    @Override
    public Device create()
    {
        return new Forwarder();
    }
}
