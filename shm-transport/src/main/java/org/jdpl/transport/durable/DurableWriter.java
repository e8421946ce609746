package org.jdpl.transport.durable;

import java.nio.file.Path;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Appends whole messages to one durable queue (one writer per queue): each message is one
 * Chronicle document holding the header block and the payload exactly as on the wire, copied from
 * native memory. Owned and closed by the producer; must be used by one thread.
 */
public final class DurableWriter implements AutoCloseable
{
    private final Path directory;
    private final SingleChronicleQueue queue;
    private final ExcerptAppender appender;

    private DurableWriter(final Path directory)
    {
        this.directory = directory;
        this.queue = DurableQueues.open(directory, false);
        this.appender = queue.createAppender();
    }

    /** Opens (creating when needed) the queue in {@code directory} to append to it. */
    public static DurableWriter open(final Path directory)
    {
        return new DurableWriter(directory);
    }

    /**
     * Appends one message: {@code headerLength} bytes at native address {@code headerAddress}, then
     * {@code payloadLength} bytes at {@code payloadAddress}. Returns the message's queue index.
     */
    public long append(final long headerAddress, final int headerLength, final long payloadAddress, final long payloadLength)
    {
        if (payloadLength > DurableQueues.BLOCK_SIZE_BYTES / 4)
        {
            throw new IllegalArgumentException("a payload of " + payloadLength + " bytes is too large for durable queue " +
                directory + " (at most " + DurableQueues.BLOCK_SIZE_BYTES / 4 + "): send such payloads over shared memory");
        }
        try (DocumentContext document = appender.writingDocument())
        {
            final Bytes<?> bytes = document.wire().bytes();
            bytes.unsafeWrite(headerAddress, headerLength);
            if (payloadLength > 0)
            {
                bytes.unsafeWrite(payloadAddress, (int)payloadLength);
            }
        }
        return appender.lastIndexAppended();
    }

    public Path directory()
    {
        return directory;
    }

    @Override
    public void close()
    {
        appender.close();
        queue.close();
    }
}
