package org.jdpl.framework.driver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jdpl.framework.run.RunLayout;

/**
 * What dead runs left behind: shared-memory directories whose Driver is gone, and device processes
 * still attached to them. {@code dpl clean} removes both; live runs are never touched.
 */
public final class StaleRuns
{
    /** A directory without an owner file this young may be a run that is starting right now. */
    private static final Duration STARTING_GRACE = Duration.ofMinutes(1);
    /**
     * Only directories named like a run's ({@code jdpl-20261122-014903-5997}, or a multi-host run's on its
     * launching host, {@code jdpl-cluster-20261122-014903-4711}) are ours to judge.
     */
    private static final Pattern RUN_DIR = Pattern.compile(Pattern.quote(RunDirectories.SHM_PREFIX) + "(cluster-)?\\d{8}-\\d{6}-[0-9a-f]+");

    private StaleRuns()
    {
    }

    /** One dead run's leftovers. */
    public record StaleRun(Path shmDir, Optional<RunOwner> owner, List<ProcessHandle> devices)
    {
    }

    public static List<StaleRun> find(final Path shmRoot)
    {
        final List<StaleRun> stale = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(shmRoot))
        {
            for (final Path dir : dirs.filter(d -> RUN_DIR.matcher(d.getFileName().toString()).matches()).toList())
            {
                final Optional<RunOwner> owner = RunOwner.read(dir);
                final boolean dead = owner.map(o -> !o.isAlive()).orElseGet(() -> olderThan(dir, STARTING_GRACE));
                if (dead)
                {
                    stale.add(new StaleRun(dir, owner, owner.map(StaleRuns::devicesOf).orElse(List.of())));
                }
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot list " + shmRoot + ": " + ex.getMessage(), ex);
        }
        return stale;
    }

    /** Kills the run's remaining device processes and removes its shared memory. */
    public static void remove(final StaleRun run)
    {
        for (final ProcessHandle device : run.devices())
        {
            device.destroyForcibly();
        }
        for (final ProcessHandle device : run.devices())
        {
            device.onExit().join();
        }
        RunDirectories.deleteTree(run.shmDir());
    }

    private static List<ProcessHandle> devicesOf(final RunOwner owner)
    {
        final String manifest = RunLayout.manifest(Path.of(owner.runDir())).toString();
        return ProcessHandle.allProcesses()
            .filter(p -> ProcStat.commandLine(p.pid()).contains(manifest))
            .toList();
    }

    private static boolean olderThan(final Path dir, final Duration age)
    {
        try
        {
            final FileTime modified = Files.getLastModifiedTime(dir);
            return modified.toInstant().isBefore(Instant.now().minus(age));
        }
        catch (final IOException ex)
        {
            return false;
        }
    }
}
