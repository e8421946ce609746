package org.jdpl.gpu.service;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A client's own shared-memory file for one service: inputs that are not in the payload segment are
 * copied to its start, and the service writes each reply after them. Created sparse (tmpfs gives
 * pages only when written), in the run's shared-memory directory when there is one, so the run's end
 * removes it even after a crash; removed by its opener otherwise.
 */
final class ExchangeFile implements AutoCloseable
{
    private static final long ALIGN = 64;

    private final Path path;
    private final String pathText;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment memory;
    private long cursor;

    ExchangeFile(final Path path, final long sizeBytes)
    {
        this.path = path;
        this.pathText = path.toString();
        try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "rw"))
        {
            file.setLength(sizeBytes);
            memory = file.getChannel().map(FileChannel.MapMode.READ_WRITE, 0, sizeBytes, arena);
        }
        catch (final IOException e)
        {
            arena.close();
            throw new ServiceException("cannot create the exchange file " + path + " (" + sizeBytes + " bytes): " + e.getMessage());
        }
    }

    String path()
    {
        return pathText;
    }

    MemorySegment memory()
    {
        return memory;
    }

    /** Starts a request: nothing copied yet. */
    void reset()
    {
        cursor = 0;
    }

    /** Copies {@code payload} in; returns its offset. */
    long copy(final MemorySegment payload)
    {
        final long at = cursor;
        if (at + payload.byteSize() > memory.byteSize())
        {
            throw new ServiceException("an input of " + payload.byteSize() + " bytes does not fit the exchange file of " + memory.byteSize() +
                " bytes; raise the reply-bytes option");
        }
        MemorySegment.copy(payload, 0, memory, at, payload.byteSize());
        cursor = align(at + payload.byteSize());
        return at;
    }

    /** Where the reply goes: after the copies. */
    long replyOffset()
    {
        return cursor;
    }

    long replyCapacity()
    {
        return memory.byteSize() - cursor;
    }

    private static long align(final long offset)
    {
        return (offset + ALIGN - 1) & -ALIGN;
    }

    @Override
    public void close()
    {
        arena.close();
        try
        {
            Files.deleteIfExists(path);
        }
        catch (final IOException e)
        {
            // In the run's shm directory it goes with the run.
        }
    }
}
