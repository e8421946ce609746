package org.jdpl.topologies.probe;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.jdpl.framework.device.Device;
import org.jdpl.framework.device.DeviceFactory;
import org.jdpl.framework.device.InitContext;
import org.jdpl.framework.device.OptionSpec;
import org.jdpl.framework.device.OptionType;
import org.jdpl.framework.device.ProcessingContext;

/**
 * Test device: forwards its first present input to its first output (the topology gives both),
 * after holding it {@code hold-ms}; with {@code slow-every} > 0 only timeslices divisible by it are
 * held, so replicas finish out of order.
 */
public final class ProbeRelayFactory implements DeviceFactory
{
    @Override
    public String type()
    {
        return "test-relay";
    }

    @Override
    public String description()
    {
        return "test: forwards its input after a delay";
    }

    @Override
    public List<String> inputs()
    {
        return List.of();
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
            OptionSpec.of("hold-ms", OptionType.LONG, "how long to hold each timeslice"),
            OptionSpec.of("slow-every", OptionType.LONG, "hold only timeslices divisible by this (0: all)"));
    }

    @Override
    public Device create()
    {
        return new Device()
        {
            private long holdNs;
            private long slowEvery;
            private String output;

            @Override
            public void init(final InitContext ctx)
            {
                holdNs = TimeUnit.MILLISECONDS.toNanos(ctx.options().getLong("hold-ms"));
                slowEvery = ctx.options().getLong("slow-every");
                output = ctx.info().outputSpecs().get(0).label();
            }

            @Override
            public void process(final ProcessingContext ctx)
            {
                if (holdNs > 0 && (slowEvery <= 0 || ctx.timeslice() % slowEvery == 0))
                {
                    final long until = System.nanoTime() + holdNs;
                    while (System.nanoTime() - until < 0)
                    {
                        LockSupport.parkNanos(until - System.nanoTime()); // a slow stage is what this device is for
                    }
                }
                if (ctx.inputs().count() > 0)
                {
                    ctx.outputs().forward(output, ctx.inputs().at(0));
                }
            }
        };
    }
}
