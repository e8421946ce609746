package org.jdpl.tools.bench;

import java.nio.ByteBuffer;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.jdpl.transport.inprocess.InProcessRing;

/**
 * Step (g) of {@link TransportBench}: the in-process hand-off between two members of a process group,
 * on today's ring ({@link InProcessRing}, Agrona's many-to-one ring) and on an LMAX Disruptor ring
 * ({@link DisruptorRing}), one after the other in this process, each a producer thread and a
 * consumer thread moving whole wire messages as the runner does (copy in, read in place).
 */
final class InProcessRingBench
{
    /** The runner's ring capacity for a group edge (GroupRings' default, 1 MiB). */
    private static final int CAPACITY_BYTES = 1 << 20;
    private static final int POLL_LIMIT = 64;

    /** The two contenders, offered and polled exactly as the runner's outlets and input side do. */
    interface Ring extends AutoCloseable
    {
        boolean offer(DirectBuffer buffer, int offset, int length);

        int poll(MessageHandler handler, int limit);

        @Override
        void close();
    }

    private InProcessRingBench()
    {
    }

    static double agrona(final long messages, final int messageBytes)
    {
        final InProcessRing ring = new InProcessRing("bench", CAPACITY_BYTES);
        return measure(new Ring()
        {
            @Override
            public boolean offer(final DirectBuffer buffer, final int offset, final int length)
            {
                return ring.offer(buffer, offset, length);
            }

            @Override
            public int poll(final MessageHandler handler, final int limit)
            {
                return ring.poll(handler, limit);
            }

            @Override
            public void close()
            {
                ring.close();
            }
        }, messages, messageBytes);
    }

    static double disruptor(final long messages, final int messageBytes)
    {
        return measure(new DisruptorRing(CAPACITY_BYTES, messageBytes), messages, messageBytes);
    }

    /** Messages per second taken by the consumer, from its first message to its last. */
    private static double measure(final Ring ring, final long messages, final int messageBytes)
    {
        try (ring)
        {
            final Consumer consumer = new Consumer(ring, messages);
            final Thread thread = new Thread(consumer, "ring-bench-consumer");
            thread.start();
            final UnsafeBuffer message = new UnsafeBuffer(ByteBuffer.allocateDirect(messageBytes));
            for (long i = 0; i < messages; i++)
            {
                message.putLong(0, i);
                while (!ring.offer(message, 0, messageBytes))
                {
                    Thread.yield(); // two busy threads on a shared 2-core machine: give the consumer the core
                }
            }
            thread.join();
            return consumer.rate();
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while measuring the in-process rings", e);
        }
    }

    private static final class Consumer implements Runnable, MessageHandler
    {
        private final Ring ring;
        private final long messages;
        private long received;
        private long checksum;
        private long firstNs;
        private long lastNs;

        Consumer(final Ring ring, final long messages)
        {
            this.ring = ring;
            this.messages = messages;
        }

        @Override
        public void run()
        {
            while (received < messages)
            {
                if (ring.poll(this, POLL_LIMIT) == 0)
                {
                    Thread.yield();
                }
            }
            lastNs = System.nanoTime();
            final long expected = messages * (messages - 1) / 2;
            if (checksum != expected)
            {
                throw new IllegalStateException("ring bench: messages lost or reordered (sum " + checksum + ", expected " + expected + ")");
            }
        }

        @Override
        public void onMessage(final int msgTypeId, final org.agrona.MutableDirectBuffer buffer, final int index, final int length)
        {
            if (received == 0)
            {
                firstNs = System.nanoTime();
            }
            checksum += buffer.getLong(index);
            received++;
        }

        double rate()
        {
            return lastNs > firstNs ? (received - 1) * 1e9 / (lastNs - firstNs) : 0;
        }
    }
}
