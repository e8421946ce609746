package org.jdpl.transport.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Rules of the payload segment stated one at a time: what a reference is, the size a block keeps,
 * and what reclaiming a dead process's slot releases, counted.
 */
class SegmentRulesTest extends SegmentTestSupport
{
    @Test
    void shouldTellReferencesFromResultCodesIncludingTheFirstPageOfAWrappedGeneration()
    {
        assertTrue(BlockRef.isRef(BlockRef.encode(0, 0)), "generation 0 (after 2^31 reuses) at page 0 is a reference");
        assertFalse(BlockRef.isRef(BlockRef.NO_SPACE));
        assertFalse(BlockRef.isRef(BlockRef.TIMED_OUT));
        assertEquals("NO_SPACE", BlockRef.toString(BlockRef.NO_SPACE));
        assertEquals("TIMED_OUT", BlockRef.toString(BlockRef.TIMED_OUT));
        assertEquals("block@17/gen3", BlockRef.toString(BlockRef.encode(3, 17)));
    }

    @Test
    void shouldGiveEachBlockTheSizeItWasAllocatedForAlsoWhenItsPagesAreReused()
    {
        try (PayloadSegment segment = create(4))
        {
            final long big = segment.tryAllocate(PAGE + 1000);
            assertEquals(PAGE + 1000, segment.sizeBytes(big));
            assertEquals(PAGE + 1000, segment.writable(big).byteSize());
            assertEquals(PAGE + 1000, segment.readOnly(big).byteSize());
            segment.release(big);
            final long small = segment.tryAllocate(10);
            assertEquals(BlockRef.firstPage(big), BlockRef.firstPage(small), "first fit takes the same page");
            assertEquals(10, segment.sizeBytes(small));
            assertEquals(10, segment.readOnly(small).byteSize());
            segment.release(small);
        }
    }

    @Test
    void shouldReleaseExactlyWhatADeadSlotHeldAndCountIt()
    {
        try (PayloadSegment driver = create(16); PayloadSegment dying = PayloadSegment.open(driver.path()))
        {
            final long unpublished1 = dying.tryAllocate(PAGE);
            final long unpublished2 = dying.tryAllocate(2 * PAGE);
            final long handedOn = dying.tryAllocate(PAGE);
            dying.publish(handedOn, PayloadSegment.holderBit(driver.slot()));
            final long received = driver.tryAllocate(3 * PAGE);
            driver.publish(received, PayloadSegment.holderBit(dying.slot()) | PayloadSegment.holderBit(driver.slot()));
            assertEquals(7 * PAGE, driver.usedBytes());

            assertEquals(3, driver.reclaim(dying.slot()), "two unpublished blocks and one received hold");
            assertFalse(dying.holds(unpublished1) || dying.holds(unpublished2) || dying.holds(received));
            assertTrue(driver.holds(handedOn) && driver.holds(received), "what it handed on, and holds others share, stay");
            assertEquals(4 * PAGE, driver.usedBytes());
            assertEquals(0, driver.reclaim(dying.slot()), "nothing twice");
            driver.release(handedOn);
            driver.release(received);
            assertEquals(0, driver.usedBytes());
        }
    }
}
