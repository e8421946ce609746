package org.jdpl.transport.segment;

import java.io.IOException;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The segment shared by real JVMs on real /dev/shm: this test process is the Driver, children are devices. */
class PayloadSegmentProcessTest
{
    private static final long PAGE = 64 * 1024;
    private static final long WAIT_MS = 20_000;

    private ShmDirectory directory;
    private final List<ChildJvm> children = new ArrayList<>();

    @BeforeEach
    void createDirectory()
    {
        directory = ShmDirectory.create();
    }

    @AfterEach
    void cleanUp() throws IOException
    {
        for (final ChildJvm child : children)
        {
            child.close();
        }
        directory.close();
    }

    private PayloadSegment create(final long pages)
    {
        return PayloadSegment.create(directory.resolve("payload.segment"),
            new SegmentContext().pageSizeBytes(PAGE).sizeBytes(pages * PAGE));
    }

    private ChildJvm child(final String name, final PayloadSegment segment) throws IOException
    {
        final ChildJvm child = ChildJvm.start(name, SegmentChild.class, segment.path().toString());
        children.add(child);
        return child;
    }

    private static int slotOf(final ChildJvm child) throws InterruptedException
    {
        return Integer.parseInt(child.expect("SLOT ", WAIT_MS).substring(5));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldLetAConsumerProcessReadAndMarkTheProducersBytesInPlace() throws Exception
    {
        try (PayloadSegment producer = create(64))
        {
            final ChildJvm consumer = child("consumer", producer);
            final int consumerSlot = slotOf(consumer);
            final long ref = producer.tryAllocate(4 * PAGE + 24);
            SegmentChild.fill(producer.writable(ref), 42);
            producer.publish(ref, PayloadSegment.holderBit(consumerSlot));

            final long marker = 0x0DDB_A11_F00DL;
            consumer.send("VERIFY " + ref + " 42 " + marker);
            consumer.expect("VERIFIED " + ref, WAIT_MS);
            // The consumer wrote into its mapping; the producer sees it in its own: one memory, no copy.
            assertEquals(marker, producer.memory().get(ValueLayout.JAVA_LONG, producer.payloadOffset(ref)));
            assertEquals(-1, SegmentChild.firstMismatch(producer.readOnly(ref), 42, 1),
                "the rest of the block is untouched");

            consumer.send("RELEASE " + ref);
            consumer.expect("RELEASED " + ref, WAIT_MS);
            assertEquals(0, producer.usedBytes());
            consumer.send("EXIT");
            consumer.expect("BYE", WAIT_MS);
            assertEquals(0, consumer.awaitExit(WAIT_MS));
        }
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void shouldFreeABlockFannedOutToThreeConsumerProcessesExactlyOnce() throws Exception
    {
        try (PayloadSegment producer = create(64))
        {
            final long start = producer.freeBytes();
            final List<ChildJvm> consumers = new ArrayList<>();
            long holders = 0;
            for (int i = 0; i < 3; i++)
            {
                final ChildJvm consumer = child("consumer-" + i, producer);
                consumers.add(consumer);
                holders |= PayloadSegment.holderBit(slotOf(consumer));
            }
            for (int round = 0; round < 20; round++)
            {
                final long ref = producer.tryAllocate((round % 7 + 1) * PAGE);
                SegmentChild.fill(producer.writable(ref), round);
                producer.publish(ref, holders);
                for (final ChildJvm consumer : consumers)
                {
                    consumer.send("VERIFY " + ref + " " + round + " " + SegmentChild.pattern(round, 0));
                    consumer.send("RELEASE " + ref);
                }
                for (final ChildJvm consumer : consumers)
                {
                    consumer.expect("VERIFIED " + ref, WAIT_MS);
                    consumer.expect("RELEASED " + ref, WAIT_MS);
                }
                assertEquals(start, producer.freeBytes(), "round " + round + ": three releases free the block once");
            }
            for (final ChildJvm consumer : consumers)
            {
                consumer.send("EXIT");
                assertEquals(0, consumer.awaitExit(WAIT_MS));
            }
            assertEquals(start, producer.freeBytes());
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldReclaimWhatAKilledProcessHeldAndUnpublishedBlocksItAllocated() throws Exception
    {
        try (PayloadSegment driver = create(32))
        {
            final long start = driver.freeBytes();
            final ChildJvm victim = child("victim", driver);
            final int victimSlot = slotOf(victim);
            final ChildJvm survivor = child("survivor", driver);
            final long both = PayloadSegment.holderBit(victimSlot) | PayloadSegment.holderBit(slotOf(survivor));

            final long held = driver.tryAllocate(3 * PAGE);
            driver.publish(held, PayloadSegment.holderBit(victimSlot));
            final long shared = driver.tryAllocate(2 * PAGE);
            driver.publish(shared, both);
            final long inFlight = driver.tryAllocate(PAGE);
            driver.publish(inFlight, PayloadSegment.holderBit(victimSlot)); // never sent to it
            victim.send("READ " + held);
            victim.expect("HOLDING " + held, WAIT_MS);
            victim.send("ALLOC " + 5 * PAGE);
            final long unpublished = Long.parseLong(victim.expect("ALLOCATED ", WAIT_MS).substring(10));
            assertTrue(BlockRef.isRef(unpublished));
            assertEquals(11 * PAGE, driver.usedBytes());

            victim.killHard(WAIT_MS);
            assertEquals(11 * PAGE, driver.usedBytes(), "a dead process's holds stay until reclaimed");
            assertEquals(4, driver.reclaimDeadProcesses(), "held, shared, in-flight and unpublished blocks");
            assertEquals(2 * PAGE, driver.usedBytes(), "only the survivor's hold on the shared block remains");
            assertEquals(0, driver.reclaim(victimSlot), "reclaiming again releases nothing more");

            survivor.send("RELEASE " + shared);
            survivor.expect("RELEASED " + shared, WAIT_MS);
            assertEquals(start, driver.freeBytes());
            final long whole = driver.tryAllocate(driver.capacityBytes());
            assertTrue(BlockRef.isRef(whole), "the reclaimed segment is whole and reusable");
            driver.release(whole);

            final ChildJvm newcomer = child("newcomer", driver);
            assertEquals(victimSlot, slotOf(newcomer), "the reclaimed slot is free for a new process");
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldBlockAProducerOnAFullSegmentUntilAConsumerProcessReleases() throws Exception
    {
        try (PayloadSegment driver = create(16))
        {
            final ChildJvm consumer = child("consumer", driver);
            final int consumerSlot = slotOf(consumer);
            final ChildJvm producer = child("producer", driver);
            slotOf(producer);
            final long everything = driver.tryAllocate(16 * PAGE);
            driver.publish(everything, PayloadSegment.holderBit(consumerSlot));

            producer.send("ALLOCATE-WAITING " + 8 * PAGE);
            producer.expect("WAITING", WAIT_MS);
            assertEquals(16 * PAGE, driver.usedBytes(), "the waiting producer has taken nothing");

            consumer.send("RELEASE " + everything);
            consumer.expect("RELEASED " + everything, WAIT_MS);
            final String allocated = producer.expect("ALLOCATED ", WAIT_MS);
            assertTrue(allocated.endsWith("waits=1"), allocated);
            assertTrue(BlockRef.isRef(Long.parseLong(allocated.split(" ")[1])), allocated);
            assertEquals(8 * PAGE, driver.usedBytes());
            assertEquals(1, driver.backPressureWaits());
            assertTrue(driver.backPressureWaitNs() > 0);

            producer.send("EXIT");
            assertEquals(0, producer.awaitExit(WAIT_MS));
            assertEquals(0, driver.usedBytes(), "closing releases what a process still holds");
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void shouldNeverHandTheSameBytesToTwoAllocationsFromTwoProcessesOfTwoThreads() throws Exception
    {
        try (PayloadSegment driver = PayloadSegment.create(directory.resolve("payload.segment"),
            new SegmentContext().pageSizeBytes(4096).sizeBytes(300 * 4096)))
        {
            final ChildJvm first = child("stress-1", driver);
            final ChildJvm second = child("stress-2", driver);
            slotOf(first);
            slotOf(second);
            final int iterations = 2000;
            first.send("STRESS 2 " + iterations + " 8 1");
            second.send("STRESS 2 " + iterations + " 8 2");
            for (final ChildJvm child : List.of(first, second))
            {
                final String done = child.expect("STRESS-DONE", 90_000);
                assertEquals("STRESS-DONE ok=" + 2 * iterations + " overlaps=0", done, child.transcript());
            }
            assertEquals(0, driver.usedBytes(), "every block released");
            System.out.println("2x2 stress: " + driver.backPressureWaits() + " allocations waited for space");
        }
    }
}
