package org.jdpl.transport.segment;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.management.ThreadMXBean;
import org.agrona.concurrent.NoOpIdleStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PayloadSegmentTest extends SegmentTestSupport
{
    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldReturnFreeSpaceToItsStartAfterEveryBlockIsReleased()
    {
        try (PayloadSegment segment = create(64))
        {
            final long start = segment.freeBytes();
            assertEquals(64 * PAGE, start);
            final List<Long> refs = new ArrayList<>();
            for (final long size : new long[] {1, PAGE, PAGE + 1, 5 * PAGE, 17 * PAGE - 3})
            {
                final long ref = segment.tryAllocate(size);
                assertTrue(BlockRef.isRef(ref), "allocation of " + size + " bytes failed: " + BlockRef.toString(ref));
                assertEquals(size, segment.sizeBytes(ref));
                assertEquals(size, segment.writable(ref).byteSize());
                refs.add(ref);
            }
            assertEquals((1 + 1 + 2 + 5 + 17) * PAGE, segment.usedBytes());
            for (final long ref : refs)
            {
                segment.release(ref);
            }
            assertEquals(start, segment.freeBytes());
            assertEquals(0, segment.usedBytes());
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldFindContiguousSpaceForALargeBlockOnlyWhenFragmentationAllows()
    {
        try (PayloadSegment segment = create(256))
        {
            final long[] small = new long[256];
            for (int i = 0; i < small.length; i++)
            {
                small[i] = segment.tryAllocate(PAGE);
                assertTrue(BlockRef.isRef(small[i]));
            }
            assertEquals(BlockRef.NO_SPACE, segment.tryAllocate(1), "a full segment must answer NO_SPACE");
            for (int i = 0; i < small.length; i += 2)
            {
                segment.release(small[i]);
            }
            assertEquals(128 * PAGE, segment.freeBytes());
            assertEquals(BlockRef.NO_SPACE, segment.tryAllocate(2 * PAGE), "half free but no two adjacent pages");
            for (int i = 1; i < 128; i += 2)
            {
                segment.release(small[i]);
            }
            // Pages 0..127 are now free and contiguous; 128..255 hold every other page.
            final long large = segment.tryAllocate(128 * PAGE);
            assertTrue(BlockRef.isRef(large), "128 contiguous free pages must be found");
            assertEquals(0, BlockRef.firstPage(large));
            final long[] spanning = {segment.tryAllocate(PAGE), segment.tryAllocate(PAGE)};
            segment.release(large);
            for (int i = 129; i < small.length; i += 2)
            {
                segment.release(small[i]);
            }
            segment.release(spanning[0]);
            segment.release(spanning[1]);
            assertEquals(0, segment.usedBytes());
            final long whole = segment.tryAllocate(256 * PAGE);
            assertTrue(BlockRef.isRef(whole), "after every release the whole segment is one contiguous block");
            segment.release(whole);
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldPlaceRunsThatCrossBitmapWordsFirstFit()
    {
        try (PayloadSegment segment = create(300))
        {
            final long first = segment.tryAllocate(40 * PAGE);
            final long crossing = segment.tryAllocate(100 * PAGE);
            assertEquals(0, BlockRef.firstPage(first));
            assertEquals(40, BlockRef.firstPage(crossing), "a run from inside word 0 into word 2");
            segment.release(first);
            final long low = segment.tryAllocate(30 * PAGE);
            assertEquals(0, BlockRef.firstPage(low));
            final long seventy = segment.tryAllocate(70 * PAGE);
            assertEquals(140, BlockRef.firstPage(seventy), "the 10 pages left at 30..39 are too few");
            final long ten = segment.tryAllocate(10 * PAGE);
            assertEquals(30, BlockRef.firstPage(ten), "a short request fills the gap");
            assertEquals(BlockRef.NO_SPACE, segment.tryAllocate(91 * PAGE), "90 pages are left at 210..299");
            final long rest = segment.tryAllocate(90 * PAGE);
            assertEquals(210, BlockRef.firstPage(rest));
            for (final long ref : new long[] {crossing, low, seventy, ten, rest})
            {
                segment.release(ref);
            }
            assertEquals(0, segment.usedBytes());
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldNeverGiveOverlappingBlocksToConcurrentThreads() throws Exception
    {
        final long page = 4096;
        try (PayloadSegment segment = PayloadSegment.create(directory.resolve("small-pages.segment"),
            new SegmentContext().pageSizeBytes(page).sizeBytes(400 * page)))
        {
            final AtomicReference<String> failure = new AtomicReference<>();
            final List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 4; t++)
            {
                final long seedBase = t * 1_000_000L;
                threads.add(Thread.ofPlatform().start(() ->
                {
                    final Random random = new Random(seedBase);
                    for (int i = 0; i < 3000 && failure.get() == null; i++)
                    {
                        final long pages = random.nextInt(8) == 0 ? 65 + random.nextInt(120) : 1 + random.nextInt(8);
                        final long ref = segment.allocate(pages * page - random.nextInt(100), NoOpIdleStrategy.INSTANCE,
                            TimeUnit.SECONDS.toNanos(10));
                        if (!BlockRef.isRef(ref))
                        {
                            failure.compareAndSet(null, "allocation starved: " + BlockRef.toString(ref));
                            return;
                        }
                        final MemorySegment block = segment.writable(ref);
                        SegmentChild.fill(block, seedBase + i);
                        Thread.yield();
                        final long mismatch = SegmentChild.firstMismatch(block, seedBase + i);
                        if (mismatch >= 0)
                        {
                            failure.compareAndSet(null, BlockRef.toString(ref) + " overwritten at long " + mismatch);
                        }
                        segment.release(ref);
                    }
                }));
            }
            for (final Thread thread : threads)
            {
                thread.join(50_000);
            }
            assertEquals(null, failure.get());
            assertEquals(0, segment.usedBytes());
            assertTrue(BlockRef.isRef(segment.tryAllocate(400 * page)), "no page lost");
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldFreeAFannedOutBlockExactlyOnceWhenConsumersReleaseConcurrently() throws Exception
    {
        final int consumers = 4;
        try (PayloadSegment producer = create(32))
        {
            final List<PayloadSegment> attachments = new ArrayList<>();
            try
            {
                long holders = 0;
                for (int i = 0; i < consumers; i++)
                {
                    final PayloadSegment consumer = PayloadSegment.open(producer.path());
                    attachments.add(consumer);
                    holders |= PayloadSegment.holderBit(consumer.slot());
                }
                final CyclicBarrier start = new CyclicBarrier(consumers + 1);
                final CyclicBarrier end = new CyclicBarrier(consumers + 1);
                final long[] shared = new long[1];
                final AtomicReference<Throwable> failure = new AtomicReference<>();
                final int rounds = 500;
                final List<Thread> threads = new ArrayList<>();
                for (final PayloadSegment consumer : attachments)
                {
                    threads.add(Thread.ofPlatform().start(() ->
                    {
                        try
                        {
                            for (int round = 0; round < rounds; round++)
                            {
                                start.await();
                                consumer.release(shared[0]);
                                end.await();
                            }
                        }
                        catch (final Throwable ex)
                        {
                            failure.compareAndSet(null, ex);
                        }
                    }));
                }
                for (int round = 0; round < rounds; round++)
                {
                    final long ref = producer.tryAllocate(3 * PAGE);
                    assertTrue(BlockRef.isRef(ref));
                    producer.publish(ref, holders);
                    shared[0] = ref;
                    start.await(10, TimeUnit.SECONDS);
                    end.await(10, TimeUnit.SECONDS);
                    assertEquals(0, producer.usedBytes(), "round " + round + ": the last release frees the block once");
                }
                for (final Thread thread : threads)
                {
                    thread.join(10_000);
                }
                assertEquals(null, failure.get());
            }
            finally
            {
                for (final PayloadSegment attachment : attachments)
                {
                    attachment.close();
                }
            }
            assertEquals(32 * PAGE, producer.freeBytes());
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldRefuseASecondReleaseAndAStaleReference()
    {
        try (PayloadSegment segment = create(8))
        {
            final long ref = segment.tryAllocate(PAGE);
            segment.release(ref);
            final IllegalStateException twice = assertThrows(IllegalStateException.class, () -> segment.release(ref));
            assertTrue(twice.getMessage().contains("released twice"), twice.getMessage());
            final long reused = segment.tryAllocate(PAGE);
            assertEquals(BlockRef.firstPage(ref), BlockRef.firstPage(reused));
            assertNotEquals(ref, reused, "a reused page starts a new generation");
            final IllegalStateException stale = assertThrows(IllegalStateException.class, () -> segment.release(ref));
            assertTrue(stale.getMessage().contains("stale reference"), stale.getMessage());
            segment.release(reused);
            assertEquals(0, segment.usedBytes());
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldForwardABlockBySharingItsHoldWithTheNextConsumer()
    {
        try (PayloadSegment producer = create(8);
            PayloadSegment forwarder = PayloadSegment.open(directory.resolve("payload.segment"));
            PayloadSegment consumer = PayloadSegment.open(directory.resolve("payload.segment")))
        {
            final long ref = producer.tryAllocate(PAGE);
            producer.publish(ref, PayloadSegment.holderBit(forwarder.slot()));
            assertTrue(forwarder.share(ref, PayloadSegment.holderBit(consumer.slot())));
            assertFalse(forwarder.share(ref, PayloadSegment.holderBit(consumer.slot())), "a holder bit names one hold");
            forwarder.release(ref);
            assertEquals(PAGE, producer.usedBytes(), "the consumer still holds it");
            assertThrows(IllegalStateException.class, () -> forwarder.share(ref, PayloadSegment.holderBit(producer.slot())),
                "only a holder may share");
            consumer.release(ref);
            assertEquals(0, producer.usedBytes());
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldFreeABlockPublishedToNobody()
    {
        try (PayloadSegment segment = create(8))
        {
            final long ref = segment.tryAllocate(2 * PAGE);
            segment.publish(ref, 0);
            assertEquals(0, segment.usedBytes());
            assertThrows(IllegalStateException.class, () -> segment.publish(ref, 1));
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldRejectARequestLargerThanTheWholeSegmentAtOnce()
    {
        try (PayloadSegment segment = create(16))
        {
            final IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> segment.tryAllocate(16 * PAGE + 1));
            assertTrue(error.getMessage().contains("1.0 MiB"), error.getMessage());
            assertTrue(error.getMessage().contains(String.valueOf(16 * PAGE + 1)), error.getMessage());
            assertTrue(error.getMessage().contains(SegmentContext.SIZE_SETTING), error.getMessage());
            assertThrows(IllegalArgumentException.class, () -> segment.allocate(1L << 40, NoOpIdleStrategy.INSTANCE, 0));
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldTimeOutAndCountTheWaitWhenTheSegmentStaysFull()
    {
        try (PayloadSegment segment = create(4))
        {
            final long all = segment.tryAllocate(4 * PAGE);
            final long result = segment.allocate(PAGE, NoOpIdleStrategy.INSTANCE, TimeUnit.MILLISECONDS.toNanos(20));
            assertEquals(BlockRef.TIMED_OUT, result);
            assertEquals(1, segment.backPressureWaits());
            assertTrue(segment.backPressureWaitNs() >= TimeUnit.MILLISECONDS.toNanos(20));
            segment.release(all);
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldShowTheProducersBytesToAnotherAttachment()
    {
        try (PayloadSegment producer = create(8); PayloadSegment consumer = PayloadSegment.open(producer.path()))
        {
            final long ref = producer.tryAllocate(PAGE);
            producer.writable(ref).set(ValueLayout.JAVA_LONG, 8, 0x1234_5678_9ABCL);
            producer.publish(ref, PayloadSegment.holderBit(consumer.slot()));
            final MemorySegment view = consumer.readOnly(ref);
            assertTrue(view.isReadOnly());
            assertEquals(0x1234_5678_9ABCL, view.get(ValueLayout.JAVA_LONG, 8));
            assertEquals(0x1234_5678_9ABCL, consumer.memory().get(ValueLayout.JAVA_LONG, consumer.payloadOffset(ref) + 8));
            consumer.release(ref);
            assertEquals(0, producer.usedBytes());
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldAllocateNoObjectsOnTheAllocatePublishReleasePath()
    {
        final ThreadMXBean threads = (ThreadMXBean)ManagementFactory.getThreadMXBean();
        try (PayloadSegment producer = create(64); PayloadSegment consumer = PayloadSegment.open(producer.path()))
        {
            final long holders = PayloadSegment.holderBit(consumer.slot());
            handOff(producer, consumer, holders, 300_000);
            final long before = threads.getCurrentThreadAllocatedBytes();
            handOff(producer, consumer, holders, 100_000);
            final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            // One object per hand-off would be at least 1.6 MB here; the slack covers the counter read itself.
            assertTrue(allocated < 1024, "100000 hand-offs allocated " + allocated + " bytes");
            assertEquals(0, producer.usedBytes());
        }
    }

    private static void handOff(final PayloadSegment producer, final PayloadSegment consumer, final long holders,
        final int times)
    {
        for (int i = 0; i < times; i++)
        {
            final long ref = producer.tryAllocate((i & 15) * PAGE + 1);
            producer.publish(ref, holders);
            consumer.memory().get(ValueLayout.JAVA_LONG, consumer.payloadOffset(ref));
            consumer.release(ref);
        }
    }
}
