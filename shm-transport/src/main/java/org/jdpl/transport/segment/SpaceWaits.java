package org.jdpl.transport.segment;

import java.lang.foreign.MemorySegment;

import org.agrona.concurrent.IdleStrategy;

import static org.jdpl.transport.segment.SegmentLayout.LONG;

/**
 * Back-pressure on a full segment: waiting for space, and counting each wait and its duration
 * twice, for the whole run (segment header) and for this process (its slot).
 *
 * <p>Space comes back one free at a time, and a consumer that keeps up frees within microseconds,
 * so a waiting producer first spins a few tries, then sleeps on the {@link ReleaseSignal} until the
 * next free. The caller's idle strategy runs when a sleep ended without space (at least once every
 * {@link ReleaseSignal#TIMEOUT_NS} while stuck): it may throw to give up (a stopped device), and
 * with the signal it need not wait itself.
 */
final class SpaceWaits
{
    /** Tries while spinning before sleeping on the signal: a few microseconds, the time a running consumer takes to free one block. */
    private static final int SPIN_TRIES = 100;

    private final MemorySegment memory;
    private final BlockAllocator allocator;
    private final ProcessTable processes;
    private final int slot;
    private final ReleaseSignal released;

    SpaceWaits(final MemorySegment memory, final BlockAllocator allocator, final ProcessTable processes, final int slot)
    {
        this.memory = memory;
        this.allocator = allocator;
        this.processes = processes;
        this.slot = slot;
        this.released = allocator.releaseSignal();
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
        for (int spin = 0; spin < SPIN_TRIES && ref == BlockRef.NO_SPACE; spin++)
        {
            Thread.onSpinWait();
            ref = allocator.tryAllocate(pages, sizeBytes, slot);
        }
        while (true)
        {
            if (ref == BlockRef.NO_SPACE)
            {
                final int armed = released.arm();
                ref = allocator.tryAllocate(pages, sizeBytes, slot);
                if (ref == BlockRef.NO_SPACE)
                {
                    released.await(armed);
                    ref = allocator.tryAllocate(pages, sizeBytes, slot);
                    if (ref == BlockRef.NO_SPACE)
                    {
                        idleStrategy.idle(); // woken by a free that another producer took, or the signal's timeout
                    }
                }
                else
                {
                    released.disarm();
                }
            }
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
