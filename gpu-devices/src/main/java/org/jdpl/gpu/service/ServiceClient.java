package org.jdpl.gpu.service;

import java.nio.file.Files;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.aeron.Aeron;
import io.aeron.ExclusivePublication;
import io.aeron.FragmentAssembler;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.logbuffer.FragmentHandler;
import io.aeron.logbuffer.Header;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A client's connection to one service: an Aeron client on the service's media driver, a publication
 * to its request stream and a subscription on a reply stream of its own. {@link #call} sends one
 * request and waits for its reply, at most {@code timeoutNs}, and gives up at once when the service's
 * process is gone. A late reply to an earlier request is recognised by its id and dropped.
 */
final class ServiceClient implements AutoCloseable
{
    private static final long LIVENESS_CHECK_NS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final long CONNECT_TIMEOUT_MS = 5_000;

    private final ServiceRecord service;
    private final long timeoutNs;
    private final Aeron aeron;
    private final ExclusivePublication requests;
    private final Subscription replies;
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[8192]);
    private final IdleStrategy idle = new BackoffIdleStrategy();
    private final FragmentHandler handler = new FragmentAssembler(this::onReply);
    private long awaitedId;
    private boolean answered;
    private int status;
    private long length;
    private String error;
    private long nextId = 1;
    private final int stream;
    private long lastQueueNs;
    private long lastComputeNs;
    private int lastBatch;

    ServiceClient(final ServiceRecord service, final long timeoutNs)
    {
        this.service = service;
        this.timeoutNs = timeoutNs;
        if (!service.alive())
        {
            throw new ServiceException(dead());
        }
        if (!Files.isDirectory(service.aeronDir()))
        {
            throw new ServiceException("service '" + service.name() + "' (pid " + service.pid() + ") has no media driver at " +
                service.aeronDir() + "; restart it with dpl serve");
        }
        aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(service.aeronDir().toString()).driverTimeoutMs(CONNECT_TIMEOUT_MS)
            // A service that dies takes its media driver with it: the client sees the pid gone and says so, the conductor's
            // complaint is not news.
            .errorHandler(e -> { }));
        final int replyStream = ThreadLocalRandom.current().nextInt(ServiceProtocol.REQUEST_STREAM + 1, Integer.MAX_VALUE);
        replies = aeron.addSubscription(ServiceProtocol.CHANNEL, replyStream);
        requests = aeron.addExclusivePublication(ServiceProtocol.CHANNEL, ServiceProtocol.REQUEST_STREAM);
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CONNECT_TIMEOUT_MS);
        while (!requests.isConnected())
        {
            if (System.nanoTime() > deadline || !service.alive())
            {
                close();
                throw new ServiceException(service.alive() ? "service '" + service.name() + "' (pid " + service.pid() +
                    ") does not take requests (no subscriber after " + CONNECT_TIMEOUT_MS + " ms)" : dead());
            }
            idle.idle();
        }
        idle.reset();
        stream = replyStream;
    }

    int replyStream()
    {
        return stream;
    }

    long nextRequestId()
    {
        return nextId++;
    }

    /**
     * Sends {@code request} and waits for its reply.
     *
     * @return the reply's length in bytes (in the exchange file at the request's reply offset)
     * @throws ServiceException when the service is dead, does not answer in time, or failed the request
     */
    long call(final Request request)
    {
        final int bytes = ServiceProtocol.encodeRequest(buffer, request);
        final long startNs = System.nanoTime();
        final long deadline = startNs + timeoutNs;
        long nextCheck = startNs + LIVENESS_CHECK_NS;
        awaitedId = request.requestId;
        answered = false;
        boolean sent = false;
        idle.reset();
        while (true)
        {
            if (!sent)
            {
                final long result = requests.offer(buffer, 0, bytes);
                sent = result > 0;
                if (result == Publication.CLOSED || result == Publication.MAX_POSITION_EXCEEDED)
                {
                    throw new ServiceException("service '" + service.name() + "': the request stream is closed" +
                        (service.alive() ? "" : "; " + dead()));
                }
            }
            final int work = replies.poll(handler, 4);
            if (answered)
            {
                if (status != ServiceProtocol.OK)
                {
                    throw new ServiceException("service '" + service.name() + "' failed timeslice " + request.timeslice + ": " + error);
                }
                return length;
            }
            final long now = System.nanoTime();
            if (now > deadline)
            {
                throw new ServiceException("service '" + service.name() + "' did not answer timeslice " + request.timeslice + " within " +
                    TimeUnit.NANOSECONDS.toMillis(timeoutNs) + " ms (timeout option)" + (service.alive() ? "" : "; " + dead()));
            }
            if (now > nextCheck)
            {
                nextCheck = now + LIVENESS_CHECK_NS;
                if (!service.alive())
                {
                    throw new ServiceException(dead() + " while timeslice " + request.timeslice + " was with it");
                }
            }
            idle.idle(work);
        }
    }

    private void onReply(final DirectBuffer b, final int offset, final int len, final Header header)
    {
        if (!ServiceProtocol.isReply(b, offset) || ServiceProtocol.replyRequestId(b, offset) != awaitedId)
        {
            return; // a late answer to a request given up on
        }
        answered = true;
        status = ServiceProtocol.replyStatus(b, offset);
        length = ServiceProtocol.replyLength(b, offset);
        error = status == ServiceProtocol.OK ? null : ServiceProtocol.replyError(b, offset);
        lastQueueNs = ServiceProtocol.replyQueueNs(b, offset);
        lastComputeNs = ServiceProtocol.replyComputeNs(b, offset);
        lastBatch = ServiceProtocol.replyBatch(b, offset);
    }

    /** The service's queue time of the last answered request. */
    long lastQueueNs()
    {
        return lastQueueNs;
    }

    long lastComputeNs()
    {
        return lastComputeNs;
    }

    /** How many requests the last one was batched with (itself included). */
    int lastBatch()
    {
        return lastBatch;
    }

    private String dead()
    {
        return "service '" + service.name() + "' is dead (pid " + service.pid() + " is gone; its registration " +
            "is stale): restart it with dpl serve";
    }

    @Override
    public void close()
    {
        if (aeron != null)
        {
            aeron.close();
        }
    }
}
