package org.jdpl.framework.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Reads a run journal from its start, while it is written or after: {@link #poll} hands over what
 * is there and returns, so a follower simply polls again. Never writes to the queue.
 */
public final class JournalReader implements AutoCloseable
{
    private final ChronicleQueue queue;
    private final ExcerptTailer tailer;

    private JournalReader(final ChronicleQueue queue)
    {
        this.queue = queue;
        this.tailer = queue.createTailer();
    }

    public static JournalReader open(final Path dir) throws IOException
    {
        if (!Files.isDirectory(dir))
        {
            throw new IOException("no journal at " + dir);
        }
        return new JournalReader(SingleChronicleQueueBuilder.binary(dir.toFile()).readOnly(true).build());
    }

    /** Hands at most {@code limit} entries to {@code handler}; returns how many. */
    public int poll(final Consumer<JournalEntry> handler, final int limit)
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
                if (document.isMetaData())
                {
                    continue;
                }
                final Bytes<?> bytes = document.wire().bytes();
                final long epochMs = bytes.readLong();
                final JournalEntry.Kind kind = JournalEntry.Kind.of(bytes.readByte());
                final String source = bytes.readUtf8();
                final String text = bytes.readUtf8();
                handler.accept(new JournalEntry(epochMs, source, kind, text));
                read++;
            }
        }
        return read;
    }

    @Override
    public void close()
    {
        tailer.close();
        queue.close();
    }
}
