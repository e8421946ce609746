package org.jdpl.transport.segment;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

import static org.jdpl.transport.segment.SegmentLayout.LONG;

/**
 * Wakes producers waiting for space when consumers free blocks, across processes: a Linux futex on a
 * release count in the segment header. A producer that found no space {@link #arm arms} (counts
 * itself a waiter and reads the count), tries once more, then {@link #await awaits} a change of the
 * count; a free that leaves a quarter of the segment free and finds a waiter bumps the count and
 * wakes. Waiter count and pages change by sequentially consistent atomics on both sides, so either
 * the producer's second try sees the freed pages or the freeing process sees the waiter: no wake-up
 * is missed. One that is lost (a process dying between the two steps, or a segment held more than
 * three quarters full) costs one {@code await} timeout, never a hang.
 *
 * <p>Without waiters a free pays one read of the waiter count. Before this, a producer parked up to
 * 1 ms on a full segment with the device's idle strategy and, on a loaded machine, came back after
 * milliseconds.
 */
final class ReleaseSignal
{
    private static final long SYS_FUTEX = "aarch64".equals(System.getProperty("os.arch")) ? 98 : 202; // else x86_64
    private static final int FUTEX_WAIT = 0;
    private static final int FUTEX_WAKE = 1;
    /** Waiters are woken once this fraction of the pages is free (see {@link #released}). */
    private static final long WAKE_FREE_FRACTION = 4;
    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();
    private static final MethodHandle SYSCALL;
    /** The longest one {@link #await} sleeps: a lost wake-up costs no more. */
    static final long TIMEOUT_NS = 1_000_000;
    /** {@code struct timespec} of {@link #TIMEOUT_NS}, shared: the kernel never writes a relative timeout. */
    private static final MemorySegment TIMEOUT = Arena.global().allocate(2 * Long.BYTES, Long.BYTES);

    static
    {
        final Linker linker = Linker.nativeLinker();
        SYSCALL = linker.downcallHandle(linker.defaultLookup().find("syscall").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.ADDRESS, ValueLayout.JAVA_INT,
                ValueLayout.JAVA_INT, ValueLayout.ADDRESS),
            Linker.Option.firstVariadicArg(1));
        TIMEOUT.set(ValueLayout.JAVA_LONG, 0, 0L);
        TIMEOUT.set(ValueLayout.JAVA_LONG, Long.BYTES, TIMEOUT_NS);
    }

    private final MemorySegment memory;
    private final MemorySegment count;
    private final long wakeFreePages;

    ReleaseSignal(final MemorySegment memory, final long pageCount)
    {
        this.memory = memory;
        this.count = memory.asSlice(SegmentLayout.RELEASES_OFFSET, Integer.BYTES);
        this.wakeFreePages = Math.max(1, pageCount / WAKE_FREE_FRACTION);
    }

    /** Counts this thread a waiter and returns the release count to {@link #await} on; try to allocate once more after. */
    int arm()
    {
        LONG.getAndAdd(memory, SegmentLayout.SPACE_WAITERS_OFFSET, 1L);
        return (int)INT.getVolatile(count, 0L);
    }

    /** Sleeps until a free after {@link #arm} (returns at once if one happened), at most {@link #TIMEOUT_NS}; then no longer a waiter. */
    void await(final int armedCount)
    {
        try
        {
            final long ignored = (long)SYSCALL.invokeExact(SYS_FUTEX, count, FUTEX_WAIT, armedCount, TIMEOUT);
        }
        catch (final Throwable ex)
        {
            throw new IllegalStateException("futex wait on payload segment failed", ex);
        }
        finally
        {
            disarm();
        }
    }

    /** No longer a waiter (the try after {@link #arm} found space). */
    void disarm()
    {
        LONG.getAndAdd(memory, SegmentLayout.SPACE_WAITERS_OFFSET, -1L);
    }

    /**
     * After pages were freed, {@code freePages} now free: wakes every waiter, if there is one and a
     * quarter of the segment is free. Waking at every free made producer and consumer take turns on
     * the CPU, one message each (a context switch a message: slower than parking); a quarter is a
     * batch. A waiter for more than that is woken by every free past the quarter until its run is there.
     */
    void released(final long freePages)
    {
        if (freePages >= wakeFreePages && (long)LONG.getVolatile(memory, SegmentLayout.SPACE_WAITERS_OFFSET) > 0)
        {
            INT.getAndAdd(count, 0L, 1);
            try
            {
                final long ignored = (long)SYSCALL.invokeExact(SYS_FUTEX, count, FUTEX_WAKE, Integer.MAX_VALUE, MemorySegment.NULL);
            }
            catch (final Throwable ex)
            {
                throw new IllegalStateException("futex wake on payload segment failed", ex);
            }
        }
    }
}
