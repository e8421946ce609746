package org.jdpl.framework.testing;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;

import org.jdpl.framework.device.Input;
import org.jdpl.framework.device.Outputs;
import org.jdpl.framework.spec.OutputSpec;

/**
 * The outputs of test calls: each region made is memory of the call (heap memory, or a block of the
 * test's payload segment), filled with {@link #STALE} first, because the framework hands out reused
 * buffers holding old bytes: a byte the device leaves unwritten shows as 0xA5 here rather than
 * passing as a zero. The memory is given back after the call (heap memory freed, so a device that
 * keeps an output region past its call fails here; a block freed, so its pages go to the next call).
 */
final class TestOutputs implements Outputs
{
    static final byte STALE = (byte)0xA5;

    private final List<OutputSpec> specs;
    private final SegmentPayloads segment;
    private final List<Integer> positions = new ArrayList<>();
    private final List<MemorySegment> regions = new ArrayList<>();
    private Arena arena;

    /** Outputs in heap memory of the call, or, with {@code segment} not null, in blocks of that payload segment. */
    TestOutputs(final List<OutputSpec> specs, final SegmentPayloads segment)
    {
        this.specs = specs;
        this.segment = segment;
    }

    @Override
    public MemorySegment make(final String label, final long sizeBytes)
    {
        for (int i = 0; i < specs.size(); i++)
        {
            if (specs.get(i).label().equals(label))
            {
                return make(i, sizeBytes);
            }
        }
        throw new IllegalArgumentException("the device has no output labelled '" + label + "'; its outputs are " +
            specs.stream().map(OutputSpec::label).toList());
    }

    @Override
    public MemorySegment make(final int position, final long sizeBytes)
    {
        if (position < 0 || position >= specs.size())
        {
            throw new IndexOutOfBoundsException("output " + position + " of " + specs.size());
        }
        final MemorySegment region;
        if (segment != null)
        {
            region = segment.output(sizeBytes, STALE);
        }
        else
        {
            if (arena == null)
            {
                arena = Arena.ofConfined();
            }
            region = arena.allocate(Math.max(1, sizeBytes), ValueLayout.JAVA_LONG.byteAlignment()).asSlice(0, sizeBytes).fill(STALE);
        }
        positions.add(position);
        regions.add(region);
        return region;
    }

    @Override
    public void forward(final int position, final Input input)
    {
        final MemorySegment payload = input.payload();
        MemorySegment.copy(payload, 0, make(position, payload.byteSize()), 0, payload.byteSize());
    }

    /** What the last call made, as timeslice {@code timeslice}; frees the call's memory. */
    Sent collect(final long timeslice)
    {
        final List<Message> messages = new ArrayList<>();
        for (int i = 0; i < regions.size(); i++)
        {
            final OutputSpec spec = specs.get(positions.get(i));
            messages.add(new Message(spec.label(), spec.spec(), timeslice, regions.get(i).toArray(ValueLayout.JAVA_BYTE)));
        }
        discard();
        return new Sent(messages);
    }

    /** Drops what the last call made, as the runner does when the call threw. */
    void discard()
    {
        if (segment != null)
        {
            segment.endCall();
        }
        positions.clear();
        regions.clear();
        if (arena != null)
        {
            arena.close();
            arena = null;
        }
    }
}
