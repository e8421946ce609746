package org.jdpl.transport.segment;

import java.lang.foreign.MemorySegment;

import static org.jdpl.transport.segment.SegmentLayout.LONG;

/**
 * Which pages are in use, in shared memory, claimed and freed with atomic operations so processes
 * allocate concurrently without a lock. Two levels: a page bitmap (one bit per page) and a summary
 * (one bit per page-bitmap word, set when a large block reserves those 64 pages whole).
 *
 * <p>A run of pages splits into a partial head word, whole words, and a partial tail word (the split
 * depends only on the run, so claim and free agree). Partial words are claimed in the page bitmap,
 * whole words in the summary: a 1 GiB block of 64 KiB pages takes 4 summary compare-and-sets instead
 * of 256. The two levels never lock each other out: a partial claimer sets page bits and then looks
 * at the summary bit; a whole-word claimer sets the summary bit and then looks at the page word.
 * All four are sequentially consistent atomic operations, so at least one of two racing claimers
 * sees the other and gives back what it took.
 *
 * <p>Allocation is address-ordered first fit: small blocks stay low and long free runs remain for
 * large payloads.
 */
final class PageBitmap
{
    private final MemorySegment memory;
    private final long bitmapOffset;
    private final long summaryOffset;
    private final long words;

    PageBitmap(final MemorySegment memory, final SegmentLayout layout)
    {
        this.memory = memory;
        this.bitmapOffset = layout.bitmapOffset();
        this.summaryOffset = layout.summaryOffset();
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
            final long conflictWord = tryClaim(start, start + pageCount);
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
        final long end = firstPage + pageCount;
        final long alignedStart = alignUp(firstPage);
        if (alignedStart >= end)
        {
            freePartial(firstPage, end);
            return;
        }
        if (firstPage < alignedStart)
        {
            freePartial(firstPage, alignedStart);
        }
        final long wholeEnd = end >>> 6;
        if ((alignedStart >>> 6) < wholeEnd)
        {
            releaseWhole(alignedStart >>> 6, wholeEnd, true);
        }
        if ((wholeEnd << 6) < end)
        {
            freePartial(wholeEnd << 6, end);
        }
    }

    /** Whether a page is in use (for checks and tests). */
    boolean isUsed(final long page)
    {
        return (pageWord(page >>> 6) & (1L << (page & 63))) != 0 || isReservedWhole(page >>> 6);
    }

    long words()
    {
        return words;
    }

    long pageWord(final long word)
    {
        return (long)LONG.getVolatile(memory, bitmapOffset + word * Long.BYTES);
    }

    long summaryWord(final long summaryWord)
    {
        return (long)LONG.getVolatile(memory, summaryOffset + summaryWord * Long.BYTES);
    }

    /** Clears page bits nobody owns (found by {@link LeakSweep}). */
    void clearPageBits(final long word, final long mask)
    {
        LONG.getAndBitwiseAnd(memory, bitmapOffset + word * Long.BYTES, ~mask);
    }

    /** Clears summary bits nobody owns (found by {@link LeakSweep}). */
    void clearSummaryBits(final long summaryWord, final long mask)
    {
        LONG.getAndBitwiseAnd(memory, summaryOffset + summaryWord * Long.BYTES, ~mask);
    }

    /** Marks in {@code pageBits} and {@code summaryBits} where a block of this run lives (for {@link LeakSweep}). */
    static void mark(final long firstPage, final long pageCount, final long[] pageBits, final long[] summaryBits)
    {
        final long end = firstPage + pageCount;
        final long alignedStart = Math.min(alignUp(firstPage), end);
        final long wholeEnd = Math.max(end >>> 6, alignedStart >>> 6);
        for (long page = firstPage; page < alignedStart; page++)
        {
            pageBits[(int)(page >>> 6)] |= 1L << (page & 63);
        }
        for (long word = alignedStart >>> 6; word < wholeEnd; word++)
        {
            summaryBits[(int)(word >>> 6)] |= 1L << (word & 63);
        }
        for (long page = Math.max(wholeEnd << 6, alignedStart); page < end; page++)
        {
            pageBits[(int)(page >>> 6)] |= 1L << (page & 63);
        }
    }

    private long findRun(final long fromWord, final long pageCount)
    {
        long runStart = -1;
        long runLength = 0;
        long summary = 0;
        for (long word = fromWord; word < words; word++)
        {
            if (word == fromWord || (word & 63) == 0)
            {
                summary = summaryWord(word >>> 6);
            }
            final long bits = (summary & (1L << (word & 63))) != 0 ? -1L : (long)LONG.getAcquire(memory,
                bitmapOffset + word * Long.BYTES);
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

    /** Claims the run [start, end); returns -1 on success, or the page-bitmap word where another process won. */
    private long tryClaim(final long start, final long end)
    {
        final long alignedStart = alignUp(start);
        if (alignedStart >= end)
        {
            return claimPartial(start, end) ? -1 : start >>> 6;
        }
        final boolean hasHead = start < alignedStart;
        if (hasHead && !claimPartial(start, alignedStart))
        {
            return start >>> 6;
        }
        final long wholeFirst = alignedStart >>> 6;
        final long wholeEnd = end >>> 6;
        if (wholeFirst < wholeEnd)
        {
            final long conflict = reserveWhole(wholeFirst, wholeEnd);
            if (conflict >= 0)
            {
                if (hasHead)
                {
                    freePartial(start, alignedStart);
                }
                return conflict;
            }
        }
        final long tailStart = wholeEnd << 6;
        if (tailStart < end && !claimPartial(tailStart, end))
        {
            if (wholeFirst < wholeEnd)
            {
                releaseWhole(wholeFirst, wholeEnd, true);
            }
            if (hasHead)
            {
                freePartial(start, alignedStart);
            }
            return wholeEnd;
        }
        return -1;
    }

    /** Claims pages [from, to) of one word in the page bitmap, unless taken or the word is reserved whole. */
    private boolean claimPartial(final long from, final long to)
    {
        final long word = from >>> 6;
        final long mask = mask(from, to);
        final long offset = bitmapOffset + word * Long.BYTES;
        while (true)
        {
            final long current = (long)LONG.getVolatile(memory, offset);
            if ((current & mask) != 0)
            {
                return false;
            }
            if (LONG.compareAndSet(memory, offset, current, current | mask))
            {
                break;
            }
        }
        if (isReservedWhole(word))
        {
            LONG.getAndBitwiseAnd(memory, offset, ~mask);
            return false;
        }
        return true;
    }

    private void freePartial(final long from, final long to)
    {
        final long mask = mask(from, to);
        final long before = (long)LONG.getAndBitwiseAnd(memory, bitmapOffset + (from >>> 6) * Long.BYTES, ~mask);
        if ((before & mask) != mask)
        {
            throw doubleFree(from, to);
        }
    }

    /** Reserves page-bitmap words [first, end) in the summary; returns -1, or the word where another claimer won. */
    private long reserveWhole(final long first, final long end)
    {
        long word = first;
        while (word < end)
        {
            final long summaryWord = word >>> 6;
            final long stop = Math.min(end, (summaryWord + 1) << 6);
            final long mask = mask(word, stop);
            final long offset = summaryOffset + summaryWord * Long.BYTES;
            while (true)
            {
                final long current = (long)LONG.getVolatile(memory, offset);
                if ((current & mask) != 0)
                {
                    if (word > first)
                    {
                        releaseWhole(first, word, false);
                    }
                    return (summaryWord << 6) + Long.numberOfTrailingZeros(current & mask);
                }
                if (LONG.compareAndSet(memory, offset, current, current | mask))
                {
                    break;
                }
            }
            word = stop;
        }
        for (long check = first; check < end; check++)
        {
            if (pageWord(check) != 0)
            {
                releaseWhole(first, end, false);
                return check;
            }
        }
        return -1;
    }

    private void releaseWhole(final long first, final long end, final boolean checkDoubleFree)
    {
        long word = first;
        while (word < end)
        {
            final long summaryWord = word >>> 6;
            final long stop = Math.min(end, (summaryWord + 1) << 6);
            final long mask = mask(word, stop);
            final long before = (long)LONG.getAndBitwiseAnd(memory, summaryOffset + summaryWord * Long.BYTES, ~mask);
            if (checkDoubleFree && (before & mask) != mask)
            {
                throw doubleFree(first << 6, end << 6);
            }
            word = stop;
        }
    }

    private boolean isReservedWhole(final long word)
    {
        return (summaryWord(word >>> 6) & (1L << (word & 63))) != 0;
    }

    /** The bits [from, to) of the 64-bit word holding {@code from}; {@code to} is at most the next word's start. */
    private static long mask(final long from, final long to)
    {
        final int bit = (int)(from & 63);
        final int bits = (int)(to - from);
        return bits == 64 ? -1L : ((1L << bits) - 1) << bit;
    }

    private static long alignUp(final long page)
    {
        return (page + 63) & ~63L;
    }

    private static IllegalStateException doubleFree(final long from, final long to)
    {
        return new IllegalStateException("payload segment corrupt: pages " + from + ".." + (to - 1) +
            " freed while some were already free (double free)");
    }
}
