package org.jdpl.framework.driver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

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
    private static final int DELETE_ATTEMPTS = 5;

    private final String runId;
    private final Path shmDir;
    private final Path runDir;
    private final Consumer<String> warnings;

    private RunDirectories(final String runId, final Path shmDir, final Path runDir, final Consumer<String> warnings)
    {
        this.runId = runId;
        this.shmDir = shmDir;
        this.runDir = runDir;
        this.warnings = warnings;
    }

    /**
     * Creates both directories for a new run id; {@code warnings} hears of shared memory that could not
     * be removed on close (a failed clean-up must not cost the run its summary).
     */
    public static RunDirectories create(final Path shmRoot, final Path runsDir, final Consumer<String> warnings)
    {
        return create(shmRoot, runsDir, ID_TIME.format(LocalDateTime.now()) + "-" +
            Integer.toHexString(0x1000 + ThreadLocalRandom.current().nextInt(0xF000)), warnings);
    }

    /** The same for a run id chosen by the caller (a multi-host run's, named after its directory); the run directory may exist. */
    public static RunDirectories create(final Path shmRoot, final Path runsDir, final String runId, final Consumer<String> warnings)
    {
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
        return new RunDirectories(runId, shmDir, runDir, warnings);
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
        try
        {
            deleteTree(shmDir);
        }
        catch (final UncheckedIOException ex)
        {
            warnings.accept(ex.getMessage() + " (the next run removes it as stale, or remove it by hand)");
        }
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

    /**
     * Removes {@code root} and everything under it. A file that vanishes meanwhile is fine; one that
     * appears meanwhile (a process on its way out still flushing) makes the walk run again, a few times.
     */
    public static void deleteTree(final Path root)
    {
        IOException last = null;
        for (int attempt = 0; attempt < DELETE_ATTEMPTS && Files.exists(root, LinkOption.NOFOLLOW_LINKS); attempt++)
        {
            try
            {
                Files.walkFileTree(root, DELETING_VISITOR);
                return;
            }
            catch (final IOException ex)
            {
                last = ex;
            }
        }
        if (last != null && Files.exists(root, LinkOption.NOFOLLOW_LINKS))
        {
            throw new UncheckedIOException("cannot remove " + root + ": " + last, last);
        }
    }

    private static final SimpleFileVisitor<Path> DELETING_VISITOR = new SimpleFileVisitor<>()
    {
        @Override
        public FileVisitResult visitFile(final Path file, final BasicFileAttributes attrs) throws IOException
        {
            Files.deleteIfExists(file);
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(final Path file, final IOException ex) throws IOException
        {
            if (ex instanceof NoSuchFileException)
            {
                return FileVisitResult.CONTINUE;
            }
            throw ex;
        }

        @Override
        public FileVisitResult postVisitDirectory(final Path dir, final IOException ex) throws IOException
        {
            if (ex != null && !(ex instanceof NoSuchFileException))
            {
                throw ex;
            }
            Files.deleteIfExists(dir);
            return FileVisitResult.CONTINUE;
        }
    };
}
