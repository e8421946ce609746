package org.jdpl.gpu.service;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.aeron.Aeron;
import io.aeron.Publication;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Sends replies, one IPC publication per client (its reply stream), shared by the instances (Aeron's
 * concurrent publications are safe across threads). A reply a client no longer listens for (it timed
 * out, or died) is dropped after a short wait and counted.
 */
final class ReplySender implements AutoCloseable
{
    private static final long CONNECT_WAIT_NS = TimeUnit.SECONDS.toNanos(2);

    private final Aeron aeron;
    private final ServiceCounters counters;
    private final ConcurrentHashMap<Integer, Publication> publications = new ConcurrentHashMap<>();
    private final ThreadLocal<UnsafeBuffer> buffers = ThreadLocal.withInitial(() -> new UnsafeBuffer(new byte[4096]));

    ReplySender(final Aeron aeron, final ServiceCounters counters)
    {
        this.aeron = aeron;
        this.counters = counters;
    }

    void send(final int stream, final int status, final long requestId, final long length, final long queueNs, final long computeNs,
        final int batchSize, final String error)
    {
        final Publication publication = publications.computeIfAbsent(stream, s -> aeron.addPublication(ServiceProtocol.CHANNEL, s));
        final UnsafeBuffer buffer = buffers.get();
        final String said = error != null && error.length() > 1000 ? error.substring(0, 1000) : error;
        final int bytes = ServiceProtocol.encodeReply(buffer, status, requestId, length, queueNs, computeNs, batchSize, said);
        final long deadline = System.nanoTime() + CONNECT_WAIT_NS;
        while (true)
        {
            final long result = publication.offer(buffer, 0, bytes);
            if (result > 0)
            {
                return;
            }
            if (result == Publication.CLOSED || result == Publication.MAX_POSITION_EXCEEDED || System.nanoTime() > deadline)
            {
                counters.replyDrops.incrementAndGet();
                return;
            }
            Thread.yield();
        }
    }

    @Override
    public void close()
    {
        publications.values().forEach(Publication::close);
    }
}
