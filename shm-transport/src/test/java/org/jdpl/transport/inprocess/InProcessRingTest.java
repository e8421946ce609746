package org.jdpl.transport.inprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class InProcessRingTest
{
    @Test
    @Timeout(30)
    void shouldDeliverEveryMessageOfEveryProducerThreadInItsOrder() throws Exception
    {
        final int producers = 3;
        final int perProducer = 200_000;
        try (InProcessRing ring = new InProcessRing("sink", 64 * 1024))
        {
            final AtomicReference<Throwable> failure = new AtomicReference<>();
            final Thread[] threads = new Thread[producers];
            for (int p = 0; p < producers; p++)
            {
                final int producer = p;
                threads[p] = new Thread(() ->
                {
                    final UnsafeBuffer message = new UnsafeBuffer(new byte[16]);
                    for (long i = 0; i < perProducer; i++)
                    {
                        message.putLong(0, producer);
                        message.putLong(8, i);
                        while (!ring.offer(message, 0, 16))
                        {
                            Thread.onSpinWait();
                        }
                    }
                }, "producer-" + p);
                threads[p].setUncaughtExceptionHandler((t, e) -> failure.set(e));
                threads[p].start();
            }
            final long[] next = new long[producers];
            final int[] errors = new int[1];
            final MessageHandler check = (type, buffer, offset, length) ->
            {
                final int producer = (int)buffer.getLong(offset);
                if (type != InProcessRing.MESSAGE_TYPE_ID || length != 16 || buffer.getLong(offset + 8) != next[producer]++)
                {
                    errors[0]++;
                }
            };
            long received = 0;
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(25);
            while (received < (long)producers * perProducer)
            {
                assertTrue(System.nanoTime() < deadline, "only " + received + " messages arrived");
                received += ring.poll(check, 64);
            }
            for (final Thread thread : threads)
            {
                thread.join();
            }
            assertEquals(null, failure.get());
            assertEquals(0, errors[0], "messages out of order, mistyped or cut");
            for (int p = 0; p < producers; p++)
            {
                assertEquals(perProducer, next[p]);
            }
            assertEquals(0, ring.sizeBytes());
        }
    }

    @Test
    void shouldKeepMessagesWholeAcrossTheWrapAround()
    {
        try (InProcessRing ring = new InProcessRing("sink", InProcessRing.MIN_CAPACITY_BYTES))
        {
            final byte[] bytes = new byte[ring.maxMessageLength()];
            final UnsafeBuffer message = new UnsafeBuffer(bytes);
            final byte[][] seen = new byte[1][];
            final MessageHandler copy = (type, buffer, offset, length) ->
            {
                seen[0] = new byte[length];
                buffer.getBytes(offset, seen[0]);
            };
            // Lengths that do not divide the capacity, so messages keep landing across its end.
            for (int i = 0; i < 1_000; i++)
            {
                final int length = 1 + (i * 37) % bytes.length;
                for (int b = 0; b < length; b++)
                {
                    bytes[b] = (byte)(i + b);
                }
                assertTrue(ring.offer(message, 0, length));
                assertEquals(1, ring.poll(copy, 10));
                final byte[] expected = new byte[length];
                System.arraycopy(bytes, 0, expected, 0, length);
                assertArrayEquals(expected, seen[0], "message " + i);
            }
        }
    }

    @Test
    void shouldRefuseWhenFullAndTakeAgainOnceRead()
    {
        try (InProcessRing ring = new InProcessRing("sink", InProcessRing.MIN_CAPACITY_BYTES))
        {
            final UnsafeBuffer message = new UnsafeBuffer(new byte[100]);
            int written = 0;
            while (ring.offer(message, 0, 100))
            {
                written++;
            }
            assertTrue(written > 10, "a 4 KiB ring holds more than ten 100-byte messages, took " + written);
            assertFalse(ring.offer(message, 0, 100), "a full ring refuses");
            final MessageHandler ignore = (type, buffer, offset, length) ->
            {
            };
            assertEquals(1, ring.poll(ignore, 1));
            assertTrue(ring.offer(message, 0, 100), "room again after one read");
            assertEquals(written, ring.poll(ignore, Integer.MAX_VALUE));
        }
    }

    @Test
    void shouldRejectMessagesLargerThanAnEighthAndBadCapacities()
    {
        try (InProcessRing ring = new InProcessRing("sink", 8192))
        {
            assertEquals(1024, ring.maxMessageLength());
            final UnsafeBuffer message = new UnsafeBuffer(new byte[2048]);
            assertThrows(IllegalArgumentException.class, () -> ring.offer(message, 0, 1025));
        }
        final IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> new InProcessRing("fitter", 5000));
        assertTrue(bad.getMessage().contains("fitter") && bad.getMessage().contains("power of two"), bad.getMessage());
    }

    @Test
    void shouldNotAllocatePerMessage()
    {
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(threads.isThreadAllocatedMemorySupported(), "this JVM cannot count allocated bytes");
        try (InProcessRing ring = new InProcessRing("sink", 64 * 1024))
        {
            final UnsafeBuffer message = new UnsafeBuffer(new byte[600]);
            final Summer summer = new Summer();
            // Warm up, so that class loading and compilation are not counted.
            pump(ring, message, summer, 200_000);
            final long tid = Thread.currentThread().threadId();
            final long before = threads.getThreadAllocatedBytes(tid);
            pump(ring, message, summer, 200_000);
            final long allocated = threads.getThreadAllocatedBytes(tid) - before;
            assertTrue(allocated < 10_000, "200,000 messages allocated " + allocated + " bytes");
            assertEquals(400_000, summer.count);
        }
    }

    private static void pump(final InProcessRing ring, final UnsafeBuffer message, final Summer summer, final int messages)
    {
        for (int i = 0; i < messages; i++)
        {
            message.putInt(0, i);
            if (!ring.offer(message, 0, 64 + i % 500))
            {
                ring.poll(summer, 1_000);
                ring.offer(message, 0, 64 + i % 500);
            }
        }
        while (ring.poll(summer, 1_000) > 0)
        {
            // drain
        }
    }

    private static final class Summer implements MessageHandler
    {
        long count;
        long sum;

        @Override
        public void onMessage(final int type, final org.agrona.MutableDirectBuffer buffer, final int offset, final int length)
        {
            count++;
            sum += buffer.getInt(offset);
        }
    }
}
