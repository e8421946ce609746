package org.jdpl.devices.builtin;

import java.util.List;

import org.jdpl.framework.device.Device;
import org.jdpl.framework.device.DeviceFactory;
import org.jdpl.framework.device.OptionSpec;
import org.jdpl.framework.device.ProcessingContext;

/**
 * Test-only device type {@code test-pair-check}: two inputs that must arrive together, each an
 * intact pattern payload of the timeslice being processed. Metrics {@code pairs}, {@code bad} and
 * {@code out-of-order} (a timeslice not above the previous one).
 */
public final class PairCheckFactory implements DeviceFactory
{
    @Override
    public String type()
    {
        return "test-pair-check";
    }

    @Override
    public String description()
    {
        return "test: checks that inputs a and b arrive together and intact";
    }

    @Override
    public List<String> inputs()
    {
        return List.of("a:TST/A", "b:TST/B");
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
        return new Device()
        {
            private long previous = -1;

            @Override
            public void process(final ProcessingContext ctx)
            {
                final long t = ctx.timeslice();
                final boolean good = ctx.inputs().count() == 2 &&
                    PayloadPattern.verify(ctx.inputs().get("a").payload()) == PayloadPattern.OK &&
                    PayloadPattern.verify(ctx.inputs().get("b").payload()) == PayloadPattern.OK &&
                    PayloadPattern.timesliceOf(ctx.inputs().get("a").payload()) == t &&
                    PayloadPattern.timesliceOf(ctx.inputs().get("b").payload()) == t &&
                    ctx.inputs().get("a").spec().description().equals("A") &&
                    t % ctx.info().replicas() == ctx.info().replica();
                ctx.metrics().add(good ? "pairs" : "bad", 1);
                ctx.metrics().add("out-of-order", t > previous ? 0 : 1);
                previous = t;
            }
        };
    }
}
