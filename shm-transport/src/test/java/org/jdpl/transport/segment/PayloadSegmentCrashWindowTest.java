package org.jdpl.transport.segment;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A process dying between two steps of an allocation or a free, reproduced by taking only the
 * first step through the shared tables (a kill -9 cannot be aimed at an instruction).
 */
class PayloadSegmentCrashWindowTest extends SegmentTestSupport
{
    private static SegmentLayout layoutOf(final PayloadSegment segment)
    {
        return SegmentLayout.readHeader(segment.memory(), segment.path());
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldFinishAFreeThatADeadProcessStartedWhenItsSlotIsReclaimed()
    {
        try (PayloadSegment driver = create(16); PayloadSegment dying = PayloadSegment.open(driver.path()))
        {
            final long ref = dying.tryAllocate(4 * PAGE);
            final BlockTable table = new BlockTable(dying.memory(), layoutOf(dying));
            // The last release's compare-and-set, and then nothing: the process is gone.
            assertEquals(BlockTable.LAST, table.release(BlockRef.firstPage(ref), dying.slot()));
            assertEquals(4 * PAGE, driver.usedBytes());

            assertEquals(1, driver.reclaim(dying.slot()));
            assertEquals(0, driver.usedBytes());
            assertEquals(0, driver.reclaim(dying.slot()), "a second reclaim frees nothing twice");
            final long whole = driver.tryAllocate(16 * PAGE);
            assertTrue(BlockRef.isRef(whole));
            driver.release(whole);
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldRecoverPagesClaimedByAProcessThatDiedBeforeWritingTheBlockEntry()
    {
        try (PayloadSegment driver = create(256))
        {
            final long kept = driver.tryAllocate(3 * PAGE);
            final PageBitmap bitmap = new PageBitmap(driver.memory(), layoutOf(driver));
            // Pages 3..132: a partial head word, one word reserved whole, a partial tail word.
            assertEquals(3, bitmap.claim(130), "pages claimed, block entry never written");
            assertEquals(BlockRef.NO_SPACE, driver.tryAllocate(253 * PAGE), "the orphaned pages are unavailable");

            assertEquals(130, driver.recoverLeakedPages());
            assertEquals(3 * PAGE, driver.usedBytes(), "the live block stays, and is counted");
            final long rest = driver.tryAllocate(253 * PAGE);
            assertTrue(BlockRef.isRef(rest), "the orphaned pages are free again");
            driver.release(rest);
            driver.release(kept);
            assertEquals(0, driver.recoverLeakedPages(), "nothing left to recover");
            assertEquals(0, driver.usedBytes());
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldRefuseToSweepWhileAnotherLiveProcessIsAttached()
    {
        try (PayloadSegment driver = create(4); PayloadSegment other = PayloadSegment.open(driver.path()))
        {
            final IllegalStateException error = assertThrows(IllegalStateException.class, driver::recoverLeakedPages);
            assertTrue(error.getMessage().contains("slot " + other.slot()), error.getMessage());
        }
    }
}
