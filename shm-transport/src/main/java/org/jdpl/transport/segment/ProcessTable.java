package org.jdpl.transport.segment;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Optional;

import static org.jdpl.transport.segment.SegmentLayout.LONG;

/**
 * The process table in shared memory: one 64-byte slot per attached process (or per attachment;
 * a process may attach more than once). The slot index is the process's bit in every block's
 * holder mask.
 *
 * <pre>
 *  word 0  pid of the attached process, 0 when the slot is free (claimed with compare-and-set)
 *  word 1  the process's start time, epoch ms (with the pid, tells a live process from a reused pid)
 *  word 2  back-pressure waits: allocations that had to wait for space
 *  word 3  nanoseconds spent in those waits
 * </pre>
 */
final class ProcessTable
{
    private static final long PID = 0;
    private static final long START_MS = 8;
    private static final long WAITS = 16;
    private static final long WAIT_NS = 24;

    private final MemorySegment memory;
    private final long tableOffset;

    ProcessTable(final MemorySegment memory, final SegmentLayout layout)
    {
        this.memory = memory;
        this.tableOffset = layout.processTableOffset();
    }

    /** Claims the first free slot for this process; returns it, or -1 when all are taken. */
    int attach(final ProcessHandle process)
    {
        for (int slot = 0; slot < SegmentLayout.MAX_PROCESSES; slot++)
        {
            final long offset = slotOffset(slot);
            if ((long)LONG.getVolatile(memory, offset + PID) == 0 && attachAt(slot, process) == slot)
            {
                return slot;
            }
        }
        return -1;
    }

    /** Claims the given slot for this process; returns it, or -1 when another process has it. */
    int attachAt(final int slot, final ProcessHandle process)
    {
        final long offset = slotOffset(slot);
        if (!LONG.compareAndSet(memory, offset + PID, 0L, process.pid()))
        {
            return -1;
        }
        memory.set(ValueLayout.JAVA_LONG, offset + WAITS, 0);
        memory.set(ValueLayout.JAVA_LONG, offset + WAIT_NS, 0);
        LONG.setRelease(memory, offset + START_MS, startMillis(process));
        return slot;
    }

    /** Frees the slot if {@code pid} still has it. */
    void detach(final int slot, final long pid)
    {
        LONG.compareAndSet(memory, slotOffset(slot) + PID, pid, 0L);
    }

    long pid(final int slot)
    {
        return (long)LONG.getVolatile(memory, slotOffset(slot) + PID);
    }

    /** Whether the slot is taken by a process that no longer runs (its pid is gone or now names another process). */
    boolean isAttachedToDeadProcess(final int slot)
    {
        final long pid = pid(slot);
        if (pid == 0)
        {
            return false;
        }
        final Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive())
        {
            return true;
        }
        final long recordedStart = (long)LONG.getAcquire(memory, slotOffset(slot) + START_MS);
        final long start = startMillis(process.get());
        return recordedStart != 0 && start != 0 && recordedStart != start;
    }

    void recordWait(final int slot, final long waitedNs)
    {
        final long offset = slotOffset(slot);
        LONG.getAndAdd(memory, offset + WAITS, 1L);
        LONG.getAndAdd(memory, offset + WAIT_NS, waitedNs);
    }

    long waits(final int slot)
    {
        return (long)LONG.getVolatile(memory, slotOffset(slot) + WAITS);
    }

    long waitNs(final int slot)
    {
        return (long)LONG.getVolatile(memory, slotOffset(slot) + WAIT_NS);
    }

    private static long startMillis(final ProcessHandle process)
    {
        return process.info().startInstant().map(instant -> instant.toEpochMilli()).orElse(0L);
    }

    private long slotOffset(final int slot)
    {
        return tableOffset + slot * SegmentLayout.PROCESS_SLOT_BYTES;
    }
}
