package org.jdpl.gpu.service;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The service's mappings of its clients' files: each client run's payload segment (read-only: the
 * service reads inputs where the client's producers wrote them) and each client's exchange file
 * (read-write: the service writes replies there). Mapped once per file and kept; a file that is gone
 * (its run ended) is unmapped when the service closes.
 */
final class MappedFiles implements AutoCloseable
{
    private final Arena arena = Arena.ofShared();
    private final ConcurrentHashMap<String, MemorySegment> readOnly = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, MemorySegment> writable = new ConcurrentHashMap<>();

    MemorySegment readOnly(final String file)
    {
        return readOnly.computeIfAbsent(file, f -> map(f, false));
    }

    MemorySegment writable(final String file)
    {
        return writable.computeIfAbsent(file, f -> map(f, true));
    }

    private MemorySegment map(final String file, final boolean write)
    {
        final Path path = Path.of(file);
        if (!file.startsWith("/dev/shm/"))
        {
            throw new IllegalArgumentException(file + " is not in /dev/shm; a service maps only shared-memory files");
        }
        try (FileChannel channel = write ? FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)
            : FileChannel.open(path, StandardOpenOption.READ))
        {
            return channel.map(write ? FileChannel.MapMode.READ_WRITE : FileChannel.MapMode.READ_ONLY, 0, channel.size(), arena);
        }
        catch (final IOException e)
        {
            throw new IllegalStateException("cannot map " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close()
    {
        arena.close();
    }
}
