package org.jdpl.transport.segment;

import java.lang.foreign.ValueLayout;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.management.ThreadMXBean;
import org.agrona.concurrent.NoOpIdleStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A producer waiting on a full segment, woken by a consumer's frees (the release signal), allocating nothing on either side. */
class SpaceWaitTest extends SegmentTestSupport
{
    private static final int BLOCKS = 4;
    private static final long BLOCK_PAGES = 4;
    private static final int WARM_UP = 20_000;
    private static final int MEASURED = 20_000;
    private static final long SLACK_BYTES = 8 * 1024;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void shouldSignalTheWaitingProducerAndAllocateNothingOnEitherSide() throws InterruptedException
    {
        final ThreadMXBean threads = (ThreadMXBean)ManagementFactory.getThreadMXBean();
        try (PayloadSegment producer = create(BLOCKS * BLOCK_PAGES); PayloadSegment consumer = PayloadSegment.open(producer.path()))
        {
            final long holders = PayloadSegment.holderBit(consumer.slot());
            final int total = WARM_UP + MEASURED;
            final AtomicLongArray refs = new AtomicLongArray(total);
            final AtomicLong published = new AtomicLong();
            final AtomicLong consumerAllocated = new AtomicLong(-1);
            final AtomicReference<Throwable> failure = new AtomicReference<>();
            // The consumer frees the oldest block only once the segment is full, so the producer's next allocation finds no space.
            final Thread releaser = new Thread(() ->
            {
                try
                {
                    long before = 0;
                    for (int released = 0; released < total; released++)
                    {
                        if (released == WARM_UP)
                        {
                            before = threads.getCurrentThreadAllocatedBytes();
                        }
                        while (published.get() - released < Math.min(BLOCKS, total - released))
                        {
                            Thread.onSpinWait();
                        }
                        consumer.release(refs.get(released));
                    }
                    consumerAllocated.set(threads.getCurrentThreadAllocatedBytes() - before);
                }
                catch (final Throwable ex)
                {
                    failure.set(ex);
                }
            }, "releaser");
            releaser.start();
            long before = 0;
            long waitsBefore = 0;
            for (int i = 0; i < total; i++)
            {
                if (i == WARM_UP)
                {
                    before = threads.getCurrentThreadAllocatedBytes();
                    waitsBefore = producer.ownBackPressureWaits();
                }
                final long ref = producer.allocate(BLOCK_PAGES * PAGE, NoOpIdleStrategy.INSTANCE, Long.MAX_VALUE);
                producer.publish(ref, holders);
                refs.set(i, ref);
                published.set(i + 1);
            }
            final long producerAllocated = threads.getCurrentThreadAllocatedBytes() - before;
            final long waits = producer.ownBackPressureWaits() - waitsBefore;
            releaser.join();
            assertNull(failure.get());
            assertTrue(waits > 0, "the producer never found the segment full");
            assertTrue(producer.memory().get(ValueLayout.JAVA_INT, SegmentLayout.RELEASES_OFFSET) > 0,
                "no free signalled a waiting producer");
            // One object per allocation or free would be at least 320 kB here, one per wait thousands of times 16 B; the
            // slack covers one-off costs seen in a run (about 2 kB once: a path's first call after the warm-up).
            assertTrue(producerAllocated < SLACK_BYTES, MEASURED + " allocations (" + waits + " waited) allocated " + producerAllocated + " bytes");
            assertTrue(consumerAllocated.get() < SLACK_BYTES, MEASURED + " frees allocated " + consumerAllocated.get() + " bytes");
            assertEquals(0, producer.usedBytes());
        }
    }
}
