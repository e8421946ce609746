package org.jdpl.framework.runner;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.jdpl.framework.device.Input;
import org.jdpl.framework.spec.DataSpec;

/**
 * One input's message of one pending timeslice: a segment block held until the timeslice is done
 * (read in place, no copy), or an inline payload copied out of the transport into memory
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
    private SegmentAccess segment;
    private long segmentRef = -1;
    private MemorySegment refView = MemorySegment.NULL;
    private DurableInputs.Queue ackQueue;
    private long ackIndex;

    PayloadSlot(final String label, final Arena arena)
    {
        this.label = label;
        this.arena = arena;
    }

    /**
     * Copies an inline payload in. One read from durable queue {@code ackQueue} (null: shared memory)
     * at {@code ackIndex} is acknowledged there by {@link #clear}, when its timeslice is done.
     */
    void fill(final long timeslice, final DataSpec spec, final DirectBuffer source, final int offset, final int length,
        final DurableInputs.Queue ackQueue, final long ackIndex)
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
        this.ackQueue = ackQueue;
        this.ackIndex = ackIndex;
        this.timeslice = timeslice;
        this.spec = spec;
        this.present = true;
    }

    /** Takes a segment block this process now holds; {@link #clear} releases it. */
    void fillRef(final long timeslice, final DataSpec spec, final SegmentAccess segment, final long ref, final long sizeBytes)
    {
        this.refView = segment.readOnly(ref, sizeBytes);
        this.segment = segment;
        this.segmentRef = ref;
        this.timeslice = timeslice;
        this.spec = spec;
        this.present = true;
    }

    /** The segment block behind the payload, or -1 when it was inline. */
    long segmentRef()
    {
        return segmentRef;
    }

    private void grow(final int length)
    {
        // Memory from the arena lives until the assembler closes; doubling bounds what is left behind.
        final long capacity = Math.max(MIN_CAPACITY_BYTES, Long.highestOneBit(Math.max(1, length - 1)) << 1);
        memory = arena.allocate(capacity, ALIGNMENT_BYTES);
        writer.wrap(memory.address(), (int)capacity);
        viewLength = -1;
    }

    /** Forgets the message; a segment block's hold is released, so its last reader frees it. */
    void clear()
    {
        if (ackQueue != null)
        {
            final DurableInputs.Queue queue = ackQueue;
            ackQueue = null;
            queue.acknowledge(ackIndex, timeslice);
        }
        if (segmentRef >= 0)
        {
            final long ref = segmentRef;
            segmentRef = -1;
            refView = MemorySegment.NULL;
            segment.release(ref);
        }
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
        return segmentRef >= 0 ? refView : view;
    }

    @Override
    public long payloadBytes()
    {
        return segmentRef >= 0 ? refView.byteSize() : viewLength;
    }
}
