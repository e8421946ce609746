package org.jdpl.transport.segment;

import java.lang.foreign.MemorySegment;

import static org.jdpl.transport.segment.SegmentLayout.LONG;

/**
 * The free-page bitmap in shared memory: one bit per data page, claimed and freed with atomic
 * operations on the mapped words, so processes allocate concurrently without a lock.
 *
 * <p>Allocation is address-ordered first fit: it keeps small blocks low and leaves long free runs
 * for large payloads. A run spanning several words is claimed word by word with compare-and-set;
 * when another process wins one of the words, the words already claimed are given back and the
 * search goes on from there. Full words are skipped with one comparison each.
 */
final class PageBitmap
{
    private final MemorySegment memory;
    private final long bitmapOffset;
    private final long words;

    PageBitmap(final MemorySegment memory, final SegmentLayout layout)
    {
        this.memory = memory;
        this.bitmapOffset = layout.bitmapOffset();
        this.words = layout.bitmapWords();
    }

    /** Claims {@code pageCount} contiguous pages; returns the first page, or -1 when no run is free. */
    long claim(final long pageCount)
    {
        long fromWord = 0;
        while (true)
        {
            final long start = findRun(fromWord, pageCount);
            if (start < 0)
            {
                return -1;
            }
            final long conflictWord = tryClaim(start, pageCount);
            if (conflictWord < 0)
            {
                return start;
            }
            fromWord = conflictWord;
        }
    }

    /** Frees pages claimed earlier; finding one already free means a double free, which must never pass silently. */
    void free(final long firstPage, final long pageCount)
    {
        long page = firstPage;
        final long end = firstPage + pageCount;
        while (page < end)
        {
            final long word = page >>> 6;
            final int bit = (int)(page & 63);
            final int bits = (int)Math.min(64 - bit, end - page);
            final long mask = bits == 64 ? -1L : ((1L << bits) - 1) << bit;
            final long offset = wordOffset(word);
            final long before;
            if (mask == -1L)
            {
                // A word wholly ours: nobody else can change it (every claim needs its bits clear), so a
                // plain ordered store frees it, without a locked instruction. Large blocks are mostly such words.
                before = (long)LONG.getAcquire(memory, offset);
                LONG.setRelease(memory, offset, 0L);
            }
            else
            {
                before = (long)LONG.getAndBitwiseAnd(memory, offset, ~mask);
            }
            if ((before & mask) != mask)
            {
                throw new IllegalStateException("payload segment corrupt: pages " + firstPage + ".." + (end - 1) +
                    " freed while some were already free (double free)");
            }
            page += bits;
        }
    }

    long words()
    {
        return words;
    }

    long word(final long word)
    {
        return (long)LONG.getVolatile(memory, wordOffset(word));
    }

    /** Clears bits nobody owns (found by {@link LeakSweep}); atomic, as other bits of the word may change. */
    void clearBits(final long word, final long mask)
    {
        LONG.getAndBitwiseAnd(memory, wordOffset(word), ~mask);
    }

    /** Whether a page is in use (for checks and tests). */
    boolean isUsed(final long page)
    {
        final long bits = (long)LONG.getVolatile(memory, wordOffset(page >>> 6));
        return (bits & (1L << (page & 63))) != 0;
    }

    private long findRun(final long fromWord, final long pageCount)
    {
        long runStart = -1;
        long runLength = 0;
        for (long word = fromWord; word < words; word++)
        {
            final long bits = (long)LONG.getAcquire(memory, wordOffset(word));
            if (bits == -1L)
            {
                runLength = 0;
                continue;
            }
            if (bits == 0)
            {
                if (runLength == 0)
                {
                    runStart = word << 6;
                }
                runLength += 64;
                if (runLength >= pageCount)
                {
                    return runStart;
                }
                continue;
            }
            if (pageCount > 62)
            {
                // A run between two used bits of one word is at most 62 pages long, so for a long
                // request only a word's low free bits (ending a run) and high free bits (starting one) count.
                final long lowFree = Long.numberOfTrailingZeros(bits);
                if (runLength > 0 && runLength + lowFree >= pageCount)
                {
                    return runStart;
                }
                runLength = Long.numberOfLeadingZeros(bits);
                runStart = (word << 6) + 64 - runLength;
                continue;
            }
            int bit = 0;
            while (bit < 64)
            {
                final long freeFromBit = ~bits >>> bit;
                if (freeFromBit == 0)
                {
                    runLength = 0;
                    break;
                }
                final int usedBits = Long.numberOfTrailingZeros(freeFromBit);
                if (usedBits > 0)
                {
                    runLength = 0;
                    bit += usedBits;
                }
                final long usedFromBit = bits >>> bit;
                final int freeBits = usedFromBit == 0 ? 64 - bit : Long.numberOfTrailingZeros(usedFromBit);
                if (runLength == 0)
                {
                    runStart = (word << 6) + bit;
                }
                runLength += freeBits;
                if (runLength >= pageCount)
                {
                    return runStart;
                }
                bit += freeBits;
            }
        }
        return -1;
    }

    /** Claims the run word by word; returns -1 on success, or the word another process won (after rolling back). */
    private long tryClaim(final long firstPage, final long pageCount)
    {
        long page = firstPage;
        final long end = firstPage + pageCount;
        while (page < end)
        {
            final long word = page >>> 6;
            final int bit = (int)(page & 63);
            final int bits = (int)Math.min(64 - bit, end - page);
            final long mask = bits == 64 ? -1L : ((1L << bits) - 1) << bit;
            final long offset = wordOffset(word);
            while (true)
            {
                final long current = (long)LONG.getVolatile(memory, offset);
                if ((current & mask) != 0)
                {
                    if (page > firstPage)
                    {
                        free(firstPage, page - firstPage);
                    }
                    return word;
                }
                if (LONG.compareAndSet(memory, offset, current, current | mask))
                {
                    break;
                }
            }
            page += bits;
        }
        return -1;
    }

    private long wordOffset(final long word)
    {
        return bitmapOffset + word * Long.BYTES;
    }
}
