package org.jdpl.framework.driver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

import org.jdpl.framework.run.RunLayout;

/**
 * The two directories of one run: shared memory under {@code <shmRoot>/jdpl-<runId>} (removed on
 * close) and the persistent {@code <runsDir>/<runId>} (kept: logs, reports, summary). Both are
 * private to the user (0700).
 */
public final class RunDirectories implements AutoCloseable
{
    public static final String SHM_PREFIX = "jdpl-";
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final String runId;
    private final Path shmDir;
    private final Path runDir;

    private RunDirectories(final String runId, final Path shmDir, final Path runDir)
    {
        this.runId = runId;
        this.shmDir = shmDir;
        this.runDir = runDir;
    }

    /** Creates both directories for a new run id. */
    public static RunDirectories create(final Path shmRoot, final Path runsDir)
    {
        final String runId = ID_TIME.format(LocalDateTime.now()) + "-" +
            Integer.toHexString(0x1000 + ThreadLocalRandom.current().nextInt(0xF000));
        final Path shmDir = shmRoot.resolve(SHM_PREFIX + runId);
        final Path runDir = runsDir.resolve(runId);
        try
        {
            createPrivate(shmDir);
            createPrivate(runDir);
            createPrivate(runDir.resolve("logs"));
            createPrivate(runDir.resolve("reports"));
            RunOwner.current(runDir).write(shmDir);
        }
        catch (final IOException ex)
        {
            deleteTree(shmDir);
            throw new UncheckedIOException("cannot create the run directories " + shmDir + " and " + runDir + ": " + ex.getMessage(), ex);
        }
        return new RunDirectories(runId, shmDir, runDir);
    }

    public String runId()
    {
        return runId;
    }

    public Path shmDir()
    {
        return shmDir;
    }

    public Path runDir()
    {
        return runDir;
    }

    public Path aeronDir()
    {
        return RunLayout.aeronDir(shmDir);
    }

    /** Removes the shared-memory directory; the persistent one stays. */
    @Override
    public void close()
    {
        deleteTree(shmDir);
    }

    /** Creates {@code file} readable by the user only (0600) unless it exists; run files may hold anything a device logs. */
    static void createPrivateFile(final Path file) throws IOException
    {
        if (!Files.exists(file))
        {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
    }

    private static void createPrivate(final Path dir) throws IOException
    {
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    }

    static void deleteTree(final Path root)
    {
        if (!Files.exists(root))
        {
            return;
        }
        try
        {
            Files.walkFileTree(root, new SimpleFileVisitor<>()
            {
                @Override
                public FileVisitResult visitFile(final Path file, final BasicFileAttributes attrs) throws IOException
                {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(final Path dir, final IOException ex) throws IOException
                {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot remove " + root + ": " + ex.getMessage(), ex);
        }
    }
}
