package org.jdpl.framework.driver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * Who owns a run's shared memory: the Driver's pid and start time, and the persistent run
 * directory. Written into the shm directory when the run starts, so that {@code dpl clean} can tell
 * a live run from what a dead Driver left behind (a recycled pid has another start time).
 */
public record RunOwner(long driverPid, long driverStartMillis, String runDir)
{
    public static final String FILE = "owner.properties";

    static RunOwner current(final Path runDir)
    {
        final ProcessHandle self = ProcessHandle.current();
        return new RunOwner(self.pid(), startMillis(self).orElse(0L), runDir.toAbsolutePath().toString());
    }

    void write(final Path shmDir) throws IOException
    {
        final Properties p = new Properties();
        p.setProperty("driverPid", Long.toString(driverPid));
        p.setProperty("driverStartMillis", Long.toString(driverStartMillis));
        p.setProperty("runDir", runDir);
        final Path file = shmDir.resolve(FILE);
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8))
        {
            p.store(out, "jdpl run owner");
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }

    /** The owner recorded in {@code shmDir}, or empty when there is none (or it is unreadable). */
    public static Optional<RunOwner> read(final Path shmDir)
    {
        final Path file = shmDir.resolve(FILE);
        final Properties p = new Properties();
        try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8))
        {
            p.load(in);
            return Optional.of(new RunOwner(Long.parseLong(p.getProperty("driverPid")),
                Long.parseLong(p.getProperty("driverStartMillis")), p.getProperty("runDir")));
        }
        catch (final IOException | RuntimeException ex)
        {
            return Optional.empty();
        }
    }

    /** Whether the Driver that made this run still runs (same pid and the same start time). */
    public boolean isAlive()
    {
        return ProcessHandle.of(driverPid)
            .filter(ProcessHandle::isAlive)
            .map(p -> driverStartMillis == 0 || startMillis(p).map(s -> s == driverStartMillis).orElse(true))
            .orElse(false);
    }

    private static Optional<Long> startMillis(final ProcessHandle p)
    {
        return p.info().startInstant().map(Instant::toEpochMilli);
    }
}
