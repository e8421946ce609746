package org.jdpl.transport.durable;

import java.nio.file.Path;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Tails one durable queue, handing each message to a handler in place (a view of the mapped queue
 * file, no copy). Starts at the beginning, or just after a given index (a consumer resuming after
 * its last acknowledged message). Owned and closed by the consumer; one thread.
 */
public final class DurableReader implements AutoCloseable
{
    /** No message acknowledged yet: start at the beginning. */
    public static final long START = -1;

    private final Path directory;
    private final SingleChronicleQueue queue;
    private final ExcerptTailer tailer;
    private final UnsafeBuffer view = new UnsafeBuffer(0, 0);

    private DurableReader(final Path directory, final long afterIndex, final boolean readOnly)
    {
        this.directory = directory;
        this.queue = DurableQueues.open(directory, readOnly);
        this.tailer = queue.createTailer();
        if (afterIndex != START)
        {
            if (!tailer.moveToIndex(afterIndex))
            {
                throw new IllegalStateException("durable queue " + directory + " has no message at index " +
                    Long.toHexString(afterIndex) + " to resume after: the queue was removed or replaced");
            }
            try (DocumentContext skipped = tailer.readingDocument())
            {
                // the acknowledged message itself is done
            }
        }
    }

    /** Opens the queue in {@code directory} (creating it when needed) to read after {@code afterIndex}. */
    public static DurableReader open(final Path directory, final long afterIndex)
    {
        return new DurableReader(directory, afterIndex, false);
    }

    /** Opens an existing queue read-only (a replay after the run), from the beginning. */
    public static DurableReader openExisting(final Path directory)
    {
        return new DurableReader(directory, START, true);
    }

    /** Hands up to {@code limit} new messages to {@code handler}; returns how many. */
    public int poll(final DurableMessageHandler handler, final int limit)
    {
        int read = 0;
        while (read < limit)
        {
            try (DocumentContext document = tailer.readingDocument())
            {
                if (!document.isPresent())
                {
                    break;
                }
                final Bytes<?> bytes = document.wire().bytes();
                final int length = (int)bytes.readRemaining();
                view.wrap(bytes.addressForRead(bytes.readPosition()), length);
                handler.onMessage(view, 0, length, document.index());
                read++;
            }
        }
        return read;
    }

    public Path directory()
    {
        return directory;
    }

    @Override
    public void close()
    {
        tailer.close();
        queue.close();
    }
}
