package org.jdpl.topologies.probe;

import java.lang.foreign.MemorySegment;
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
 * Test device: checks each {@link ProbeSourceFactory} payload and counts, as metrics, those read in
 * place ({@code inPlace}: its view maps the very offset of the segment file the producer wrote) and
 * the others ({@code copied}), and bad ones ({@code corrupt}). {@code hold-ms} keeps each timeslice
 * (and so its segment block) that long, to make a slow consumer.
 */
public final class ProbeSinkFactory implements DeviceFactory
{
    @Override
    public String type()
    {
        return "test-probe-sink";
    }

    @Override
    public String description()
    {
        return "test: counts payloads read in place in the payload segment";
    }

    @Override
    public List<String> inputs()
    {
        return List.of("in:TST/PROBE");
    }

    @Override
    public List<String> outputs()
    {
        return List.of();
    }

    @Override
    public List<OptionSpec> options()
    {
        return List.of(OptionSpec.of("hold-ms", OptionType.LONG, "how long to keep each timeslice"));
    }

    @Override
    public Device create()
    {
        return new Device()
        {
            private long holdNs;

            @Override
            public void init(final InitContext ctx)
            {
                holdNs = TimeUnit.MILLISECONDS.toNanos(ctx.options().getLong("hold-ms"));
                ctx.metrics().set("inPlace", 0);
                ctx.metrics().set("copied", 0);
                ctx.metrics().set("corrupt", 0);
            }

            @Override
            public void process(final ProcessingContext ctx)
            {
                final MemorySegment payload = ctx.inputs().get("in").payload();
                final long size = payload.byteSize();
                if (payload.get(ProbeSourceFactory.LONG, 0) != ctx.timeslice() ||
                    payload.get(ProbeSourceFactory.LONG, size - 8) != ctx.timeslice() || !payload.isReadOnly())
                {
                    ctx.metrics().add("corrupt", 1);
                }
                final long written = payload.get(ProbeSourceFactory.LONG, 8);
                final long read = MappedFileOffset.of(payload, ProbeSourceFactory.SEGMENT_FILE);
                ctx.metrics().add(written >= 0 && written == read ? "inPlace" : "copied", 1);
                if (holdNs > 0)
                {
                    final long until = System.nanoTime() + holdNs;
                    while (System.nanoTime() - until < 0)
                    {
                        LockSupport.parkNanos(until - System.nanoTime()); // a slow consumer is what this device is for
                    }
                }
            }
        };
    }
}
