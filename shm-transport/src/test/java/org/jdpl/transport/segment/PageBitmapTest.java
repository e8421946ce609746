package org.jdpl.transport.segment;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The two-level bitmap against a plain BitSet model, over random claims and frees of every shape. */
class PageBitmapTest extends SegmentTestSupport
{
    private static final long PAGE = 4096;

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldAgreeWithASimpleModelOverRandomClaimsAndFrees()
    {
        agreeWithModel(1000, 5000, 20, 260);
    }

    /** More than 64 x 64 pages: whole words are reserved in the second summary word too. */
    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldAgreeWithTheModelBeyondTheFirstSummaryWord()
    {
        agreeWithModel(9000, 1500, 200, 2000);
    }

    private void agreeWithModel(final int pageCount, final int steps, final int maxSmall, final int maxLarge)
    {
        try (PayloadSegment segment = PayloadSegment.create(directory.resolve("model.segment"),
            new SegmentContext().pageSizeBytes(PAGE).sizeBytes(pageCount * PAGE)))
        {
            final PageBitmap bitmap = new PageBitmap(segment.memory(), SegmentLayout.readHeader(segment.memory(), segment.path()));
            final BitSet model = new BitSet(pageCount);
            final List<long[]> live = new ArrayList<>();
            final Random random = new Random(7);
            for (int step = 0; step < steps; step++)
            {
                if (live.isEmpty() || random.nextInt(3) > 0)
                {
                    final long pages = random.nextInt(4) == 0 ? 60 + random.nextInt(maxLarge) : 1 + random.nextInt(maxSmall);
                    final long first = bitmap.claim(pages);
                    final long expected = firstFit(model, (int)pages, pageCount);
                    assertEquals(expected, first, "step " + step + ": first fit for " + pages + " pages");
                    if (first >= 0)
                    {
                        model.set((int)first, (int)(first + pages));
                        live.add(new long[] {first, pages});
                    }
                }
                else
                {
                    final long[] block = live.remove(random.nextInt(live.size()));
                    bitmap.free(block[0], block[1]);
                    model.clear((int)block[0], (int)(block[0] + block[1]));
                }
                for (int page = 0; page < pageCount; page += 1 + random.nextInt(7))
                {
                    assertEquals(model.get(page), bitmap.isUsed(page), "step " + step + ", page " + page);
                }
            }
            for (final long[] block : live)
            {
                bitmap.free(block[0], block[1]);
            }
            assertEquals(0, bitmap.claim(pageCount), "everything free again is one run");
            assertTrue(bitmap.isUsed(pageCount - 1));
            assertEquals(-1, bitmap.claim(1));
        }
    }

    private static long firstFit(final BitSet used, final int pages, final int pageCount)
    {
        int start = used.nextClearBit(0);
        while (start + pages <= pageCount)
        {
            final int nextUsed = used.nextSetBit(start);
            if (nextUsed < 0 || nextUsed >= start + pages)
            {
                return start;
            }
            start = used.nextClearBit(nextUsed);
        }
        return -1;
    }
}
