package org.jdpl.topologies.probe;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;

import org.jdpl.framework.device.Device;
import org.jdpl.framework.device.DeviceFactory;
import org.jdpl.framework.device.InitContext;
import org.jdpl.framework.device.OptionSpec;
import org.jdpl.framework.device.OptionType;
import org.jdpl.framework.device.ProcessingContext;

/**
 * Test device: sends {@code timeslices} payloads of {@code payload-bytes} (0 = until stopped), each
 * holding its timeslice id and where the producer wrote it in the payload segment file (-1 when
 * the payload is not in the segment), for {@link ProbeSinkFactory} to compare with what it reads.
 */
public final class ProbeSourceFactory implements DeviceFactory
{
    static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;
    static final String SEGMENT_FILE = "payload.segment";

    @Override
    public String type()
    {
        return "test-probe-source";
    }

    @Override
    public String description()
    {
        return "test: payloads stamped with their timeslice and their offset in the payload segment file";
    }

    @Override
    public List<String> inputs()
    {
        return List.of();
    }

    @Override
    public List<String> outputs()
    {
        return List.of("out:TST/PROBE/0");
    }

    @Override
    public List<OptionSpec> options()
    {
        return List.of(
            OptionSpec.of("timeslices", OptionType.LONG, "how many; 0 = until stopped"),
            OptionSpec.of("payload-bytes", OptionType.BYTES, "payload size"));
    }

    @Override
    public Device create()
    {
        return new Device()
        {
            private long timeslices;
            private long payloadBytes;
            private long sent;

            @Override
            public void init(final InitContext ctx)
            {
                timeslices = ctx.options().getLong("timeslices");
                payloadBytes = ctx.options().getBytes("payload-bytes");
            }

            @Override
            public void process(final ProcessingContext ctx)
            {
                if (ctx.control().stopRequested() || (timeslices > 0 && sent >= timeslices))
                {
                    ctx.control().endOfStream();
                    return;
                }
                final MemorySegment payload = ctx.outputs().make("out", payloadBytes);
                payload.set(LONG, 0, ctx.timeslice());
                payload.set(LONG, 8, MappedFileOffset.of(payload, SEGMENT_FILE));
                payload.set(LONG, payloadBytes - 8, ctx.timeslice());
                sent++;
            }
        };
    }
}
