package org.jdpl.topologies;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removes a run's shared-memory directory that a killed Driver could not remove itself. */
final class ShmCleaner
{
    private ShmCleaner()
    {
    }

    static void remove(final Path dir) throws IOException
    {
        if (!Files.exists(dir))
        {
            return;
        }
        try (Stream<Path> files = Files.walk(dir))
        {
            for (final Path p : files.sorted(Comparator.reverseOrder()).toList())
            {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Removes the shared memory of every run under {@code runsDir} (each run.json names its shmDir). */
    static void removeRunsOf(final Path runsDir) throws IOException
    {
        if (!Files.isDirectory(runsDir))
        {
            return;
        }
        try (Stream<Path> runs = Files.list(runsDir))
        {
            for (final Path run : runs.toList())
            {
                final Path manifest = run.resolve("run.json");
                if (Files.isRegularFile(manifest))
                {
                    final String shmDir = new com.fasterxml.jackson.databind.ObjectMapper().readTree(manifest.toFile()).path("shmDir").asText("");
                    if (shmDir.startsWith("/dev/shm/jdpl-"))
                    {
                        remove(Path.of(shmDir));
                    }
                }
            }
        }
    }
}
