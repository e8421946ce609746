package org.jdpl.transport.segment;

import java.nio.file.Path;

/**
 * Releasing for processes that died while attached to the segment.
 *
 * <p>Holders are named (a bit per slot), not counted, so releasing for a dead process needs no
 * record of what it was doing: {@link #reclaim} clears its bit in every block, whether the
 * reference reached it or was still in flight, and frees the blocks it allocated and never
 * published (they carry its bit alone). Clearing a bit is one compare-and-set, so a release happens
 * at most once per holder however the owner and the Driver race, and reclaiming twice does nothing
 * more. The release that empties a block marks it "being freed by slot s" in the same
 * compare-and-set, so a process dying before the pages are back is finished by reclaiming s. What
 * remains: death in the few instructions between claiming pages and writing the block entry, or
 * between marking the entry free and clearing the pages, leaves those pages used (never used twice)
 * until {@link #recoverLeakedPages} runs with the segment to itself.
 */
final class SegmentRecovery
{
    private final Path path;
    private final BlockAllocator allocator;
    private final ProcessTable processes;
    private final int slot;

    SegmentRecovery(final Path path, final BlockAllocator allocator, final ProcessTable processes, final int slot)
    {
        this.path = path;
        this.allocator = allocator;
        this.processes = processes;
        this.slot = slot;
    }

    int reclaim(final int deadSlot)
    {
        PayloadSegment.holderBit(deadSlot);
        if (deadSlot == slot)
        {
            throw new IllegalArgumentException("slot " + slot + " is this process's own slot; close() releases it");
        }
        final long deadPid = processes.pid(deadSlot);
        final int released = allocator.releaseAllHolds(deadSlot);
        processes.detach(deadSlot, deadPid);
        return released;
    }

    int reclaimDeadProcesses()
    {
        int released = 0;
        for (int other = 0; other < SegmentLayout.MAX_PROCESSES; other++)
        {
            if (other != slot && processes.isAttachedToDeadProcess(other))
            {
                released += reclaim(other);
            }
        }
        return released;
    }

    long recoverLeakedPages()
    {
        reclaimDeadProcesses();
        for (int other = 0; other < SegmentLayout.MAX_PROCESSES; other++)
        {
            final long otherPid = processes.pid(other);
            if (other != slot && otherPid != 0)
            {
                throw new IllegalStateException("recovering leaked pages of " + path + " needs the segment to " +
                    "itself, but slot " + other + " is attached by live process " + otherPid + ": stop it first.");
            }
        }
        return LeakSweep.sweep(allocator);
    }
}
