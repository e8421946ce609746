package org.jdpl.tools.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** What a finished run left behind: device processes still alive, bytes still in its shared-memory directory. */
final class Leftovers
{
    /** How long a killed process may take to be gone (the kernel reaps it after SIGKILL; a loaded machine delays it). */
    private static final long EXIT_WAIT_SECONDS = 10;

    private Leftovers()
    {
    }

    /** Device processes of this JVM's runs still alive, after giving each one a moment to finish exiting. */
    static int deviceProcesses()
    {
        int alive = 0;
        for (final DeviceProcesses.Running p : DeviceProcesses.running())
        {
            try
            {
                p.process().onExit().get(EXIT_WAIT_SECONDS, TimeUnit.SECONDS);
            }
            catch (final Exception ex)
            {
                alive++;
            }
        }
        return alive;
    }

    /** Bytes of the files under {@code dir}; 0 when it is gone. */
    static long shmBytes(final Path dir)
    {
        if (!Files.exists(dir))
        {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir))
        {
            return files.filter(Files::isRegularFile).mapToLong(f ->
            {
                try
                {
                    return Files.size(f);
                }
                catch (final IOException ex)
                {
                    return 0; // removed while walking
                }
            }).sum();
        }
        catch (final IOException | UncheckedIOException ex)
        {
            return Files.exists(dir) ? 1 : 0; // there but unreadable: count it as left, not as clean
        }
    }
}
