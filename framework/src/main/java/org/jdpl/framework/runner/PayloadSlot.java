package org.jdpl.framework.runner;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.jdpl.framework.device.Input;
import org.jdpl.framework.spec.DataSpec;

/**
 * One input's message of one pending timeslice: the payload copied out of the transport into memory
 * this slot owns and reuses. A timeslice's inputs arrive in different polls, so the transport's
 * buffer cannot be held on to. The memory only grows; the read-only view handed to the device is
 * kept while the payload size stays the same, so steady streams allocate nothing.
 */
final class PayloadSlot implements Input
{
    private static final long MIN_CAPACITY_BYTES = 64;
    private static final long ALIGNMENT_BYTES = 64;

    private final String label;
    private final Arena arena;
    private final UnsafeBuffer writer = new UnsafeBuffer(new byte[0]);
    private MemorySegment memory = MemorySegment.NULL;
    private MemorySegment view = MemorySegment.NULL;
    private long viewLength = -1;
    private DataSpec spec;
    private long timeslice;
    private boolean present;

    PayloadSlot(final String label, final Arena arena)
    {
        this.label = label;
        this.arena = arena;
    }

    void fill(final long timeslice, final DataSpec spec, final DirectBuffer source, final int offset, final int length)
    {
        if (length > memory.byteSize())
        {
            grow(length);
        }
        writer.putBytes(0, source, offset, length);
        if (length != viewLength)
        {
            view = memory.asSlice(0, length).asReadOnly();
            viewLength = length;
        }
        this.timeslice = timeslice;
        this.spec = spec;
        this.present = true;
    }

    private void grow(final int length)
    {
        // Memory from the arena lives until the assembler closes; doubling bounds what is left behind.
        final long capacity = Math.max(MIN_CAPACITY_BYTES, Long.highestOneBit(Math.max(1, length - 1)) << 1);
        memory = arena.allocate(capacity, ALIGNMENT_BYTES);
        writer.wrap(memory.address(), (int)capacity);
        viewLength = -1;
    }

    void clear()
    {
        present = false;
        spec = null;
    }

    boolean isPresent()
    {
        return present;
    }

    @Override
    public String label()
    {
        return label;
    }

    @Override
    public DataSpec spec()
    {
        return spec;
    }

    @Override
    public long timeslice()
    {
        return timeslice;
    }

    @Override
    public MemorySegment payload()
    {
        return view;
    }

    @Override
    public long payloadBytes()
    {
        return viewLength;
    }
}
