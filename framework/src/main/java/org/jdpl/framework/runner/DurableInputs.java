package org.jdpl.framework.runner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.jdpl.framework.plan.Plan;
import org.jdpl.framework.run.DurableChannels;
import org.jdpl.transport.MessageDecoder;
import org.jdpl.transport.WireError;
import org.jdpl.transport.durable.AckFile;
import org.jdpl.transport.durable.DurableMessageHandler;
import org.jdpl.transport.durable.DurableReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable queues a consumer replica tails, each resumed just after its last acknowledged
 * message. Messages go to the same {@link MessageReceiver} as shared-memory ones, tagged with
 * their queue and index so that a timeslice acknowledges its messages once it is processed.
 */
final class DurableInputs implements DurableMessageHandler, AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(DurableInputs.class);
    private static final int MESSAGE_LIMIT = 16;

    /** One queue and its acknowledgements. */
    static final class Queue
    {
        private final DurableReader reader;
        private final AckFile acks;
        private final boolean countsEndOfStream;

        private Queue(final DurableReader reader, final AckFile acks, final boolean countsEndOfStream)
        {
            this.reader = reader;
            this.acks = acks;
            this.countsEndOfStream = countsEndOfStream;
        }

        void acknowledge(final long index, final long timeslice)
        {
            acks.acknowledge(index, timeslice);
        }
    }

    private final Queue[] queues;
    private final MessageReceiver receiver;
    private final MessageDecoder decoder = new MessageDecoder();
    private Queue current;

    private DurableInputs(final Queue[] queues, final MessageReceiver receiver)
    {
        this.queues = queues;
        this.receiver = receiver;
    }

    /** The durable inputs of this replica; null when none of its inputs is durable. */
    static DurableInputs open(
        final String who,
        final Plan plan,
        final Path runDir,
        final String device,
        final int replica,
        final MessageReceiver receiver)
    {
        final List<DurableChannels.Inbound> inbound = DurableChannels.queuesInto(plan, runDir, device, replica);
        if (inbound.isEmpty())
        {
            return null;
        }
        final List<Queue> queues = new ArrayList<>();
        try
        {
            for (final DurableChannels.Inbound in : inbound)
            {
                final Path dir = in.queueDir();
                final AckFile acks = AckFile.open(DurableChannels.ackFile(dir));
                if (acks.index() != DurableReader.START)
                {
                    LOG.info("{}: resuming durable queue {} after timeslice {}", who, dir.getFileName(), acks.timeslice());
                }
                queues.add(new Queue(DurableReader.open(dir, acks.index()), acks, in.countsEndOfStream()));
            }
        }
        catch (final RuntimeException ex)
        {
            for (final Queue q : queues)
            {
                CloseHelper.quietCloseAll(q.reader, q.acks);
            }
            throw ex;
        }
        return new DurableInputs(queues.toArray(new Queue[0]), receiver);
    }

    /** Reads what was appended since the last poll; returns how many messages. */
    int poll()
    {
        int read = 0;
        for (final Queue queue : queues)
        {
            current = queue;
            read += queue.reader.poll(this, MESSAGE_LIMIT);
        }
        current = null;
        return read;
    }

    @Override
    public void onMessage(final DirectBuffer buffer, final int offset, final int length, final long index)
    {
        if (!current.countsEndOfStream && decoder.check(buffer, offset, length) == WireError.NONE &&
            decoder.dataHeader().isEndOfStream())
        {
            return; // its producer's end of stream is counted from another stream or queue
        }
        receiver.onDurableMessage(buffer, offset, length, current, index);
    }

    @Override
    public void close()
    {
        for (final Queue q : queues)
        {
            CloseHelper.closeAll(q.reader, q.acks);
        }
    }
}
