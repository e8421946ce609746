package org.jdpl.transport.segment;

import java.lang.foreign.MemorySegment;

import org.agrona.concurrent.IdleStrategy;

import static org.jdpl.transport.segment.SegmentLayout.LONG;

/**
 * Back-pressure on a full segment: waiting for space with an idle strategy, and counting each wait
 * and its duration twice, for the whole run (segment header) and for this process (its slot).
 */
final class SpaceWaits
{
    private final MemorySegment memory;
    private final BlockAllocator allocator;
    private final ProcessTable processes;
    private final int slot;

    SpaceWaits(final MemorySegment memory, final BlockAllocator allocator, final ProcessTable processes, final int slot)
    {
        this.memory = memory;
        this.allocator = allocator;
        this.processes = processes;
        this.slot = slot;
    }

    /** Allocates {@code pages}, waiting while there is no space; {@link BlockRef#TIMED_OUT} after {@code timeoutNs}. */
    long allocate(final long pages, final long sizeBytes, final IdleStrategy idleStrategy, final long timeoutNs)
    {
        long ref = allocator.tryAllocate(pages, sizeBytes, slot);
        if (ref != BlockRef.NO_SPACE)
        {
            return ref;
        }
        final long startNs = System.nanoTime();
        idleStrategy.reset();
        while (true)
        {
            idleStrategy.idle();
            ref = allocator.tryAllocate(pages, sizeBytes, slot);
            final long waitedNs = System.nanoTime() - startNs;
            if (ref != BlockRef.NO_SPACE || waitedNs >= timeoutNs)
            {
                LONG.getAndAdd(memory, SegmentLayout.WAITS_OFFSET, 1L);
                LONG.getAndAdd(memory, SegmentLayout.WAIT_NS_OFFSET, waitedNs);
                processes.recordWait(slot, waitedNs);
                return ref == BlockRef.NO_SPACE ? BlockRef.TIMED_OUT : ref;
            }
        }
    }

    long runWaits()
    {
        return (long)LONG.getVolatile(memory, SegmentLayout.WAITS_OFFSET);
    }

    long runWaitNs()
    {
        return (long)LONG.getVolatile(memory, SegmentLayout.WAIT_NS_OFFSET);
    }

    long ownWaits()
    {
        return processes.waits(slot);
    }

    long ownWaitNs()
    {
        return processes.waitNs(slot);
    }
}
