package org.jdpl.topologies.probe;

import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jdpl.framework.device.Device;
import org.jdpl.framework.device.DeviceFactory;
import org.jdpl.framework.device.InitContext;
import org.jdpl.framework.device.OptionSpec;
import org.jdpl.framework.device.OptionType;
import org.jdpl.framework.device.ProcessingContext;
import org.jdpl.framework.spec.OutputSpec;

/**
 * Test device: on each call makes every output the topology gives it (it declares none), each
 * payload stamped with its sequence number at both ends, so a consumer can tell versions apart and
 * see a torn payload. As a source: {@code timeslices} calls that make something (0 = until stopped),
 * at most one per {@code period-ms}. As a timer-driven device: one per tick, until its timers end.
 * The output labelled {@code sparse-label} is made only every {@code every}-th time (the every-th, 2*every-th, ...).
 */
public final class ProbeEmitterFactory implements DeviceFactory
{
    @Override
    public String type()
    {
        return "test-emitter";
    }

    @Override
    public String description()
    {
        return "test: makes every output, stamped with a sequence number, at a pace";
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
            OptionSpec.of("timeslices", OptionType.LONG, "how many (as a source); 0 = until stopped or the timers end"),
            OptionSpec.of("period-ms", OptionType.LONG, "at most one per this many ms (as a source)"),
            OptionSpec.of("payload-bytes", OptionType.BYTES, "payload size, at least 16"),
            OptionSpec.of("sparse-label", OptionType.STRING, "an output made only every 'every'-th time"),
            OptionSpec.of("every", OptionType.LONG, "see sparse-label"));
    }

    @Override
    public Device create()
    {
        return new Device()
        {
            private long timeslices;
            private long periodNs;
            private long payloadBytes;
            private String sparseLabel;
            private long every;
            private long sent;
            private long nextDueNs;

            @Override
            public void init(final InitContext ctx)
            {
                timeslices = ctx.options().getLong("timeslices");
                periodNs = TimeUnit.MILLISECONDS.toNanos(ctx.options().getLong("period-ms"));
                payloadBytes = Math.max(16, ctx.options().getBytes("payload-bytes"));
                sparseLabel = ctx.options().getString("sparse-label");
                every = Math.max(1, ctx.options().getLong("every"));
                ctx.metrics().set("calls", 0);
            }

            @Override
            public void process(final ProcessingContext ctx)
            {
                if (ctx.control().stopRequested() || (timeslices > 0 && sent >= timeslices))
                {
                    ctx.control().endOfStream();
                    return;
                }
                if (periodNs > 0)
                {
                    final long now = System.nanoTime();
                    if (nextDueNs != 0 && now - nextDueNs < 0)
                    {
                        return; // not yet: the runner calls again after idling
                    }
                    nextDueNs = now + periodNs;
                }
                for (final OutputSpec output : ctx.info().outputSpecs())
                {
                    if (output.label().equals(sparseLabel) && (sent + 1) % every != 0)
                    {
                        continue;
                    }
                    final MemorySegment payload = ctx.outputs().make(output.label(), payloadBytes);
                    payload.set(ProbeSourceFactory.LONG, 0, sent);
                    payload.set(ProbeSourceFactory.LONG, payloadBytes - 8, sent);
                }
                ctx.metrics().add("calls", 1);
                if (ctx.inputs().count() > 0)
                {
                    ctx.metrics().add("ticks", 1); // timer-driven: the tick numbers count 0, 1, 2, ... with no gap while we keep up
                    ctx.metrics().set("lastTick", ctx.inputs().at(0).payload().get(ProbeSourceFactory.LONG, 0));
                }
                sent++;
            }
        };
    }
}
