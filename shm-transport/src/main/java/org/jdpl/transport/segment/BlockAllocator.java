package org.jdpl.transport.segment;

import java.lang.foreign.MemorySegment;

import static org.jdpl.transport.segment.SegmentLayout.LONG;

/**
 * A block's life in shared memory, from claimed pages to freed pages, and the used-page count
 * every process reads. Each step is one atomic operation on a shared word, ordered so a process
 * dying between two steps leaves a state that {@link #releaseAllHolds} can finish, or at worst
 * pages that stay used (never pages used twice). See {@link PayloadSegment} for the argument.
 */
final class BlockAllocator
{
    private final MemorySegment memory;
    private final long pageCount;
    private final PageBitmap bitmap;
    private final BlockTable blocks;
    private final ReleaseSignal released;

    BlockAllocator(final MemorySegment memory, final SegmentLayout layout)
    {
        this.memory = memory;
        this.pageCount = layout.pageCount();
        this.bitmap = new PageBitmap(memory, layout);
        this.blocks = new BlockTable(memory, layout);
        this.released = new ReleaseSignal(memory, pageCount);
    }

    /** Wakes producers waiting for space whenever pages are freed. */
    ReleaseSignal releaseSignal()
    {
        return released;
    }

    BlockTable blocks()
    {
        return blocks;
    }

    PageBitmap bitmap()
    {
        return bitmap;
    }

    long pageCount()
    {
        return pageCount;
    }

    /** Sets the used-page count from a recount (only {@link LeakSweep}, with the segment to itself). */
    void resetUsedPages(final long pages)
    {
        LONG.setVolatile(memory, SegmentLayout.USED_PAGES_OFFSET, pages);
    }

    long usedPages()
    {
        return (long)LONG.getVolatile(memory, SegmentLayout.USED_PAGES_OFFSET);
    }

    /** Claims pages and starts a block held by {@code slot} alone; returns its reference or {@link BlockRef#NO_SPACE}. */
    long tryAllocate(final long pages, final long sizeBytes, final int slot)
    {
        if (usedPages() + pages > pageCount)
        {
            return BlockRef.NO_SPACE;
        }
        final long firstPage = bitmap.claim(pages);
        if (firstPage < 0)
        {
            return BlockRef.NO_SPACE;
        }
        final int generation = blocks.start(firstPage, pages, sizeBytes, slot);
        LONG.getAndAdd(memory, SegmentLayout.USED_PAGES_OFFSET, pages);
        return BlockRef.encode(generation, firstPage);
    }

    /** {@link BlockTable#handOver}, freeing the block when nobody is left holding it. */
    int handOver(final long firstPage, final int slot, final long holders)
    {
        final int result = blocks.handOver(firstPage, slot, holders);
        if (result == BlockTable.LAST)
        {
            finishFree(firstPage, slot);
        }
        return result;
    }

    /** {@link BlockTable#release}, freeing the block when this was the last hold. */
    int release(final long firstPage, final int slot)
    {
        final int result = blocks.release(firstPage, slot);
        if (result == BlockTable.LAST)
        {
            finishFree(firstPage, slot);
        }
        return result;
    }

    /**
     * Drops every hold {@code slot} has and finishes any free it started. Safe to repeat, and safe
     * beside live processes: each step is the same atomic operation the slot's owner would have done.
     */
    int releaseAllHolds(final int slot)
    {
        final long bit = BlockTable.bit(slot);
        final long freeing = BlockTable.freeingBy(slot);
        int released = 0;
        for (long page = 0; page < pageCount; page++)
        {
            final long state = blocks.state(page);
            if (BlockTable.isHeld(state) && (state & bit) != 0)
            {
                if (release(page, slot) != BlockTable.NOT_HELD)
                {
                    released++;
                }
            }
            else if (state == freeing)
            {
                finishFree(page, slot);
                released++;
            }
        }
        return released;
    }

    /** The entry goes back to free before the pages do, so no entry ever claims a page another block owns. */
    private void finishFree(final long firstPage, final int slot)
    {
        final long pages = blocks.pageCount(firstPage);
        if (blocks.finishFree(firstPage, slot))
        {
            bitmap.free(firstPage, pages);
            final long usedBefore = (long)LONG.getAndAdd(memory, SegmentLayout.USED_PAGES_OFFSET, -pages);
            released.released(pageCount - usedBefore + pages);
        }
    }
}
