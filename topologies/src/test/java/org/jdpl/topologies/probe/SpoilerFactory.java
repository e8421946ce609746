package org.jdpl.topologies.probe;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;

import org.jdpl.devices.builtin.PayloadPattern;
import org.jdpl.framework.device.Device;
import org.jdpl.framework.device.DeviceFactory;
import org.jdpl.framework.device.InitContext;
import org.jdpl.framework.device.Input;
import org.jdpl.framework.device.OptionSpec;
import org.jdpl.framework.device.OptionType;
import org.jdpl.framework.device.ProcessingContext;

/**
 * Test device {@code test-spoiler}: forwards its input to its output, except that it damages chosen
 * timeslices the two ways a checksum sink must catch. At {@code corrupt-at} it flips a body byte; at
 * {@code misnumber-at} it sends an intact pattern of another timeslice (only the id check sees it). -1:
 * never. (A duplicate cannot be made through the device API, which sends each output once per timeslice,
 * and a topology may not route two outputs to one input: the duplicate cases feed the sink directly.)
 */
public final class SpoilerFactory implements DeviceFactory
{
    /** What a misnumbered payload claims to be: a timeslice id no run of the tests reaches. */
    private static final long MISNUMBER_OFFSET = 1_000_000;
    private static final long BODY_BYTE = PayloadPattern.MIN_BYTES;

    @Override
    public String type()
    {
        return "test-spoiler";
    }

    @Override
    public String description()
    {
        return "test: forwards its input, corrupting and misnumbering chosen timeslices";
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
            OptionSpec.of("corrupt-at", OptionType.LONG, "the timeslice whose payload gets a flipped body byte"),
            OptionSpec.of("misnumber-at", OptionType.LONG, "the timeslice sent as an intact payload of another timeslice"));
    }

    @Override
    public Device create()
    {
        return new Device()
        {
            private long corruptAt;
            private long misnumberAt;
            private String output;

            @Override
            public void init(final InitContext ctx)
            {
                corruptAt = ctx.options().getLong("corrupt-at");
                misnumberAt = ctx.options().getLong("misnumber-at");
                output = ctx.info().outputSpecs().get(0).label();
            }

            @Override
            public void process(final ProcessingContext ctx)
            {
                final long t = ctx.timeslice();
                final Input input = ctx.inputs().at(0);
                if (t == corruptAt)
                {
                    final MemorySegment copy = ctx.outputs().make(output, input.payloadBytes());
                    MemorySegment.copy(input.payload(), 0, copy, 0, copy.byteSize());
                    copy.set(ValueLayout.JAVA_BYTE, BODY_BYTE, (byte)~copy.get(ValueLayout.JAVA_BYTE, BODY_BYTE));
                }
                else if (t == misnumberAt)
                {
                    PayloadPattern.fill(ctx.outputs().make(output, input.payloadBytes()), t + MISNUMBER_OFFSET);
                }
                else
                {
                    ctx.outputs().forward(output, input);
                }
            }
        };
    }
}
