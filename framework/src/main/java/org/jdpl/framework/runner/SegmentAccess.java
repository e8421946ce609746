package org.jdpl.framework.runner;

import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;

import org.agrona.concurrent.IdleStrategy;
import org.jdpl.transport.segment.BlockRef;
import org.jdpl.transport.segment.PayloadSegment;
import org.jdpl.transport.segment.PayloadSegmentException;

/**
 * A device process's use of the run's payload segment: allocation that waits politely on a full
 * segment (back-pressure, never a drop), and views of blocks cached by position so that a steady
 * stream, whose blocks keep landing on the same pages, creates no view object per message.
 * Closed by the runner that opened it; closing releases every hold this process still has.
 */
final class SegmentAccess implements AutoCloseable
{
    /** View cache entries (direct-mapped by first page); enough for every page of a few-GiB segment. */
    private static final int MAX_CACHED_VIEWS = 1 << 16;

    private final PayloadSegment segment;
    private final IdleStrategy waitIdle;
    private final MemorySegment[] writableViews;
    private final MemorySegment[] readOnlyViews;
    private final int cacheMask;
    private final int pageShift;
    private long refsOut;
    private long refsIn;
    private long staleRefs;

    SegmentAccess(final PayloadSegment segment, final IdleStrategy waitIdle)
    {
        this.segment = segment;
        this.waitIdle = waitIdle;
        final long pages = segment.capacityBytes() / segment.pageSizeBytes();
        final int entries = (int)Math.min(MAX_CACHED_VIEWS, Long.highestOneBit(Math.max(1, pages - 1)) << 1);
        this.writableViews = new MemorySegment[entries];
        this.readOnlyViews = new MemorySegment[entries];
        this.cacheMask = entries - 1;
        this.pageShift = Long.numberOfTrailingZeros(segment.pageSizeBytes());
    }

    /**
     * Opens the run's segment at the slot the plan gives this replica; null when the run has none.
     * A slot still held by a dead earlier process of this replica (killed, then started again) is
     * reclaimed first, as the Driver would.
     */
    static SegmentAccess open(final Path file, final int slot, final IdleStrategy waitIdle)
    {
        if (slot < 0 || !Files.exists(file))
        {
            return null;
        }
        try
        {
            return new SegmentAccess(PayloadSegment.open(file, slot), waitIdle);
        }
        catch (final PayloadSegmentException taken)
        {
            try (PayloadSegment any = PayloadSegment.open(file))
            {
                any.reclaimDeadProcesses();
            }
            return new SegmentAccess(PayloadSegment.open(file, slot), waitIdle);
        }
    }

    /** Allocates a block, waiting with the idle strategy (which may throw to give up) while the segment is full. */
    long allocate(final long sizeBytes)
    {
        final long ref = segment.allocate(sizeBytes, waitIdle, Long.MAX_VALUE);
        if (!BlockRef.isRef(ref))
        {
            throw new IllegalStateException("allocation of " + sizeBytes + " bytes returned " + BlockRef.toString(ref));
        }
        return ref;
    }

    MemorySegment writable(final long ref, final long sizeBytes)
    {
        final long offset = segment.payloadOffset(ref);
        final int index = (int)((offset >>> pageShift) & cacheMask);
        MemorySegment view = writableViews[index];
        if (view == null || view.byteSize() != sizeBytes || view.address() != segment.memory().address() + offset)
        {
            view = segment.memory().asSlice(offset, sizeBytes);
            writableViews[index] = view;
        }
        return view;
    }

    MemorySegment readOnly(final long ref, final long sizeBytes)
    {
        final long offset = segment.payloadOffset(ref);
        final int index = (int)((offset >>> pageShift) & cacheMask);
        MemorySegment view = readOnlyViews[index];
        if (view == null || view.byteSize() != sizeBytes || view.address() != segment.memory().address() + offset)
        {
            view = segment.memory().asSlice(offset, sizeBytes).asReadOnly();
            readOnlyViews[index] = view;
        }
        return view;
    }

    /** Hands a block just filled over to its consumers' slots, before its reference is sent. */
    void publish(final long ref, final long holders)
    {
        segment.publish(ref, holders);
        refsOut++;
    }

    /** Adds holds for the consumers of a forwarded block; false when it cannot (send a copy then). */
    boolean share(final long ref, final long holders)
    {
        if (segment.share(ref, holders))
        {
            refsOut++;
            return true;
        }
        return false;
    }

    void onReceived()
    {
        refsIn++;
    }

    /**
     * Whether a received reference is one this process holds; false for a stale one, sent to this
     * replica's previous process, which died and whose holds the Driver reclaimed (counted).
     */
    boolean acceptReceived(final long ref)
    {
        if (segment.holds(ref))
        {
            return true;
        }
        staleRefs++;
        return false;
    }

    /** Received references dropped as stale. */
    long staleRefs()
    {
        return staleRefs;
    }

    void release(final long ref)
    {
        segment.release(ref);
    }

    /** Segment-backed messages sent. */
    long refsOut()
    {
        return refsOut;
    }

    /** Segment-backed messages received. */
    long refsIn()
    {
        return refsIn;
    }

    /** Allocations of this process that waited for space, and how long in total. */
    long waits()
    {
        return segment.ownBackPressureWaits();
    }

    long waitNs()
    {
        return segment.ownBackPressureWaitNs();
    }

    int slot()
    {
        return segment.slot();
    }

    @Override
    public void close()
    {
        segment.close();
    }
}
