package org.jdpl.gpu.service;

import io.aeron.FragmentAssembler;
import io.aeron.Subscription;
import io.aeron.logbuffer.FragmentHandler;
import io.aeron.logbuffer.Header;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.ManyToManyConcurrentArrayQueue;

/**
 * Takes requests off the service's request stream and queues them for the instances. A request the
 * queue cannot take is answered at once with a failure (the client's on-error policy then applies),
 * never left unanswered.
 */
final class RequestReceiver implements Agent
{
    private static final int FRAGMENTS_PER_POLL = 16;

    private final Subscription subscription;
    private final ManyToManyConcurrentArrayQueue<Request> queue;
    private final ReplySender replies;
    private final ServiceCounters counters;
    private final FragmentHandler handler = new FragmentAssembler(this::onRequest);

    RequestReceiver(final Subscription subscription, final ManyToManyConcurrentArrayQueue<Request> queue, final ReplySender replies,
        final ServiceCounters counters)
    {
        this.subscription = subscription;
        this.queue = queue;
        this.replies = replies;
        this.counters = counters;
    }

    @Override
    public int doWork()
    {
        return subscription.poll(handler, FRAGMENTS_PER_POLL);
    }

    private void onRequest(final DirectBuffer buffer, final int offset, final int length, final Header header)
    {
        final Request r = new Request();
        if (!ServiceProtocol.decodeRequest(buffer, offset, r))
        {
            counters.malformed.incrementAndGet();
            return;
        }
        r.queuedNs = System.nanoTime();
        if (!queue.offer(r))
        {
            counters.failures.incrementAndGet();
            replies.send(r.replyStream, ServiceProtocol.FAILED, r.requestId, 0, 0, 0, 0,
                "the service's queue is full (" + queue.capacity() + " requests waiting)");
        }
    }

    @Override
    public String roleName()
    {
        return "service-receiver";
    }
}
