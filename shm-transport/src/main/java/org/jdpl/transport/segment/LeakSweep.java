package org.jdpl.transport.segment;

/**
 * Recovers pages that a process dying at the worst instant left marked used with no block claiming
 * them: between claiming pages and writing the block entry, or between marking the entry free and
 * clearing the pages. Those pages cannot be told from a live process's allocation in progress, so
 * the sweep needs the segment to itself: every other attached process must be dead.
 *
 * <p>It rebuilds the bitmap the block table implies, clears every bit beyond it, and recounts the
 * used pages. A block entry claiming a page the bitmap calls free would mean corruption, and is an error.
 */
final class LeakSweep
{
    private LeakSweep()
    {
    }

    /** Returns how many leaked pages it freed. */
    static long sweep(final BlockAllocator allocator)
    {
        final PageBitmap bitmap = allocator.bitmap();
        final BlockTable blocks = allocator.blocks();
        final long pageCount = allocator.pageCount();
        final long[] expected = new long[(int)bitmap.words()];
        long usedPages = 0;
        for (long page = 0; page < pageCount; page++)
        {
            final long state = blocks.state(page);
            if (state != 0)
            {
                final long pages = blocks.pageCount(page);
                if (pages < 1 || page + pages > pageCount)
                {
                    throw new IllegalStateException("payload segment corrupt: the block at page " + page + " claims " +
                        pages + " pages of " + pageCount);
                }
                for (long covered = page; covered < page + pages; covered++)
                {
                    expected[(int)(covered >>> 6)] |= 1L << (covered & 63);
                }
                usedPages += pages;
                page += pages - 1;
            }
        }
        if (pageCount % 64 != 0)
        {
            expected[expected.length - 1] |= -1L << (pageCount % 64);
        }
        long leaked = 0;
        for (int word = 0; word < expected.length; word++)
        {
            final long actual = bitmap.word(word);
            if ((expected[word] & ~actual) != 0)
            {
                throw new IllegalStateException("payload segment corrupt: a block entry claims pages " +
                    Long.toBinaryString(expected[word] & ~actual) + " of bitmap word " + word + " that are marked free");
            }
            final long orphans = actual & ~expected[word];
            if (orphans != 0)
            {
                bitmap.clearBits(word, orphans);
                leaked += Long.bitCount(orphans);
            }
        }
        allocator.resetUsedPages(usedPages);
        return leaked;
    }
}
