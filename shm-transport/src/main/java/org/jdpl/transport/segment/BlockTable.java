package org.jdpl.transport.segment;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import static org.jdpl.transport.segment.SegmentLayout.LONG;

/**
 * The block table in shared memory: one 32-byte entry per data page, live where a block starts.
 *
 * <pre>
 *  word 0  state: bits 0..55 holder mask (bit i = process slot i holds the block),
 *                 bits 56..63 status: 0 free, 1 held, 0x80 being freed (then the low bits name
 *                 the slot freeing it, so the Driver can finish a free its process died in)
 *  word 1  generation (high 32 bits) | page count (low 32 bits)
 *  word 2  payload size in bytes
 *  word 3  process slot that allocated the block (for diagnostics)
 * </pre>
 *
 * The reference count is the holder mask: each holder clears its own bit with compare-and-set,
 * so a release happens exactly once per holder, and exactly one release (the one that clears the
 * last bit) frees the block. Because the holders are named rather than counted, the Driver can
 * release for a dead process without knowing what it was doing when it died.
 */
final class BlockTable
{
    static final long HOLDER_MASK = (1L << 56) - 1;
    static final long STATUS_HELD = 1L << 56;
    static final long STATUS_FREEING = 0x80L << 56;
    static final long STATUS_MASK = 0xFFL << 56;

    static final int RELEASED = 0;
    static final int LAST = 1;
    static final int NOT_HELD = -1;

    private final MemorySegment memory;
    private final long tableOffset;

    BlockTable(final MemorySegment memory, final SegmentLayout layout)
    {
        this.memory = memory;
        this.tableOffset = layout.blockTableOffset();
    }

    /** Starts a block at a page just claimed in the bitmap; returns its new generation. */
    int start(final long firstPage, final long pageCount, final long sizeBytes, final int slot)
    {
        final long entry = entryOffset(firstPage);
        final int generation = (generationOf(entry) + 1) & BlockRef.GENERATION_MASK;
        memory.set(ValueLayout.JAVA_LONG, entry + 8, ((long)generation << 32) | pageCount);
        memory.set(ValueLayout.JAVA_LONG, entry + 16, sizeBytes);
        memory.set(ValueLayout.JAVA_LONG, entry + 24, slot);
        LONG.setRelease(memory, entry, STATUS_HELD | bit(slot));
        return generation;
    }

    long state(final long firstPage)
    {
        return (long)LONG.getVolatile(memory, entryOffset(firstPage));
    }

    boolean compareAndSetState(final long firstPage, final long expected, final long value)
    {
        return LONG.compareAndSet(memory, entryOffset(firstPage), expected, value);
    }

    int generation(final long firstPage)
    {
        return generationOf(entryOffset(firstPage));
    }

    long pageCount(final long firstPage)
    {
        return (long)LONG.getAcquire(memory, entryOffset(firstPage) + 8) & BlockRef.PAGE_MASK;
    }

    long sizeBytes(final long firstPage)
    {
        return (long)LONG.getAcquire(memory, entryOffset(firstPage) + 16);
    }

    /**
     * Replaces {@code slot}'s hold with the holders' holds in one atomic step.
     * Returns {@link #LAST} when the new holder set is empty (the caller frees), {@link #NOT_HELD}
     * when {@code slot} did not hold the block alone and held, or {@link #RELEASED}.
     */
    int handOver(final long firstPage, final int slot, final long holders)
    {
        final long expected = STATUS_HELD | bit(slot);
        final long value = holders == 0 ? freeingBy(slot) : STATUS_HELD | holders;
        if (!compareAndSetState(firstPage, expected, value))
        {
            return NOT_HELD;
        }
        return holders == 0 ? LAST : RELEASED;
    }

    /**
     * Adds the holders' holds beside {@code slot}'s own, so a block received can be passed on
     * (forwarded) without a copy; {@code slot} still releases its own hold afterwards. Returns
     * {@link #RELEASED} when done, {@link #NOT_HELD} when {@code slot} does not hold the block or one
     * of the holders already does (a holder bit names one hold, so it cannot be given twice).
     */
    int share(final long firstPage, final int slot, final long holders)
    {
        final long bit = bit(slot);
        while (true)
        {
            final long state = state(firstPage);
            if (!isHeld(state) || (state & bit) == 0 || (state & holders) != 0)
            {
                return NOT_HELD;
            }
            if (compareAndSetState(firstPage, state, state | holders))
            {
                return RELEASED;
            }
        }
    }

    /**
     * Drops {@code slot}'s hold. Returns {@link #LAST} when it was the last one (the block is now
     * being freed by {@code slot}, and the caller must finish the free), {@link #NOT_HELD} when
     * {@code slot} holds nothing here, or {@link #RELEASED}.
     */
    int release(final long firstPage, final int slot)
    {
        final long bit = bit(slot);
        while (true)
        {
            final long state = state(firstPage);
            if (!isHeld(state) || (state & bit) == 0)
            {
                return NOT_HELD;
            }
            final long holders = state & HOLDER_MASK & ~bit;
            final long value = holders == 0 ? freeingBy(slot) : STATUS_HELD | holders;
            if (compareAndSetState(firstPage, state, value))
            {
                return holders == 0 ? LAST : RELEASED;
            }
        }
    }

    /**
     * Ends a free that {@code slot} started: the entry goes back to free before the pages do, so a
     * page is never claimed by a new block while an entry still claims it. Only one caller wins.
     */
    boolean finishFree(final long firstPage, final int slot)
    {
        return compareAndSetState(firstPage, freeingBy(slot), 0);
    }

    static long bit(final int slot)
    {
        return 1L << slot;
    }

    static boolean isHeld(final long state)
    {
        return (state & STATUS_MASK) == STATUS_HELD;
    }

    static long freeingBy(final int slot)
    {
        return STATUS_FREEING | slot;
    }

    private int generationOf(final long entry)
    {
        return (int)((long)LONG.getAcquire(memory, entry + 8) >>> 32);
    }

    private long entryOffset(final long page)
    {
        return tableOffset + page * SegmentLayout.BLOCK_ENTRY_BYTES;
    }
}
