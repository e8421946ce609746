package org.jdpl.transport.segment;

/**
 * Recovers pages that a process dying at the worst instant left marked used with no block claiming
 * them: between claiming pages and writing the block entry, or between marking the entry free and
 * clearing the pages. Those pages cannot be told from a live process's allocation in progress, so
 * the sweep needs the segment to itself: every other attached process must be dead.
 *
 * <p>It rebuilds both bitmap levels from the block table, clears every bit beyond them, and
 * recounts the used pages. A block entry claiming a page the bitmap calls free would mean
 * corruption, and is an error.
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
        final long[] pageBits = new long[(int)bitmap.words()];
        final long[] summaryBits = new long[(pageBits.length + 63) / 64];
        long usedPages = 0;
        for (long page = 0; page < pageCount; page++)
        {
            if (blocks.state(page) != 0)
            {
                final long pages = blocks.pageCount(page);
                if (pages < 1 || page + pages > pageCount)
                {
                    throw new IllegalStateException("payload segment corrupt: the block at page " + page + " claims " +
                        pages + " pages of " + pageCount);
                }
                PageBitmap.mark(page, pages, pageBits, summaryBits);
                usedPages += pages;
                page += pages - 1;
            }
        }
        if (pageCount % 64 != 0)
        {
            pageBits[pageBits.length - 1] |= -1L << (pageCount % 64);
        }
        if (pageBits.length % 64 != 0)
        {
            summaryBits[summaryBits.length - 1] |= -1L << (pageBits.length % 64);
        }
        long leaked = 0;
        for (int word = 0; word < pageBits.length; word++)
        {
            final long orphans = orphans("page", word, pageBits[word], bitmap.pageWord(word));
            if (orphans != 0)
            {
                bitmap.clearPageBits(word, orphans);
                leaked += Long.bitCount(orphans);
            }
        }
        for (int word = 0; word < summaryBits.length; word++)
        {
            final long orphans = orphans("summary", word, summaryBits[word], bitmap.summaryWord(word));
            if (orphans != 0)
            {
                bitmap.clearSummaryBits(word, orphans);
                leaked += 64L * Long.bitCount(orphans);
            }
        }
        allocator.resetUsedPages(usedPages);
        return leaked;
    }

    private static long orphans(final String level, final int word, final long expected, final long actual)
    {
        if ((expected & ~actual) != 0)
        {
            throw new IllegalStateException("payload segment corrupt: block entries claim bits " +
                Long.toHexString(expected & ~actual) + " of " + level + " word " + word + " that are marked free");
        }
        return actual & ~expected;
    }
}
