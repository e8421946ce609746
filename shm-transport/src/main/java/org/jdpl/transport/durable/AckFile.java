package org.jdpl.transport.durable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A consumer's last acknowledged message on one durable queue: its queue index and timeslice, in
 * a small memory-mapped file beside the queue. A store to mapped memory is in the page cache at
 * once, so it survives the process being killed the instruction after (not a machine crash).
 */
public final class AckFile implements AutoCloseable
{
    private static final long INDEX = 0;
    private static final long TIMESLICE = 8;
    private static final long SIZE_BYTES = 16;

    private final Arena arena = Arena.ofShared();
    private final MemorySegment memory;

    private AckFile(final Path file)
    {
        try
        {
            Files.createDirectories(file.toAbsolutePath().getParent());
            final boolean fresh = !Files.exists(file);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE))
            {
                if (channel.size() < SIZE_BYTES)
                {
                    channel.write(java.nio.ByteBuffer.allocate((int)SIZE_BYTES), 0);
                }
                memory = channel.map(FileChannel.MapMode.READ_WRITE, 0, SIZE_BYTES, arena);
            }
            if (fresh)
            {
                memory.set(ValueLayout.JAVA_LONG, INDEX, DurableReader.START);
                memory.set(ValueLayout.JAVA_LONG, TIMESLICE, -1);
            }
        }
        catch (final IOException ex)
        {
            arena.close();
            throw new UncheckedIOException("cannot open the acknowledgement file " + file + ": " + ex.getMessage(), ex);
        }
    }

    public static AckFile open(final Path file)
    {
        return new AckFile(file);
    }

    /** Records that everything up to queue index {@code index} (timeslice {@code timeslice}) is processed. */
    public void acknowledge(final long index, final long timeslice)
    {
        if (index > index())
        {
            memory.set(ValueLayout.JAVA_LONG, TIMESLICE, timeslice);
            memory.set(ValueLayout.JAVA_LONG, INDEX, index);
        }
    }

    /** The last acknowledged queue index, or {@link DurableReader#START}. */
    public long index()
    {
        return memory.get(ValueLayout.JAVA_LONG, INDEX);
    }

    /** The timeslice of the last acknowledged message, or -1. */
    public long timeslice()
    {
        return memory.get(ValueLayout.JAVA_LONG, TIMESLICE);
    }

    @Override
    public void close()
    {
        arena.close();
    }
}
