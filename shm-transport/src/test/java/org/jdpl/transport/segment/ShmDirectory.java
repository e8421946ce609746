package org.jdpl.transport.segment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/** A fresh directory in /dev/shm for one test, removed with everything in it on close. */
final class ShmDirectory implements AutoCloseable
{
    private static final Path SHM = Path.of("/dev/shm");

    private final Path path;

    private ShmDirectory(final Path path)
    {
        this.path = path;
    }

    static ShmDirectory create()
    {
        Assumptions.assumeTrue(Files.isDirectory(SHM) && Files.isWritable(SHM),
            "skipped: this machine has no writable /dev/shm, which the payload segment lives in");
        try
        {
            return new ShmDirectory(Files.createDirectory(SHM.resolve("jdpl-test-segment-" + UUID.randomUUID())));
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException("cannot create a test directory in /dev/shm: " + ex, ex);
        }
    }

    Path path()
    {
        return path;
    }

    Path resolve(final String name)
    {
        return path.resolve(name);
    }

    @Override
    public void close() throws IOException
    {
        try (Stream<Path> files = Files.walk(path))
        {
            for (final Path file : files.sorted(Comparator.reverseOrder()).toList())
            {
                Files.deleteIfExists(file);
            }
        }
    }
}
