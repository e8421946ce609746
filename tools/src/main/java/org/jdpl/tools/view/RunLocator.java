package org.jdpl.tools.view;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jdpl.framework.run.RunLayout;
import org.jdpl.framework.run.RunManifest;
import org.jdpl.framework.runner.RunFiles;
import org.jdpl.tools.cli.UserError;

/**
 * Finds runs in a runs directory: every sub-directory with a run.json, newest first. A run is
 * running while its Driver's pid is alive and no summary was written.
 */
public final class RunLocator
{
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How a multi-host run's id starts ({@code cluster-<time>-<pid>}). */
    private static final String CLUSTER_PREFIX = "cluster-";

    private final Path runsDir;

    public RunLocator(final Path runsDir)
    {
        this.runsDir = runsDir;
    }

    public Path runsDir()
    {
        return runsDir;
    }

    /**
     * Every run, newest first: by the start time its id begins with (after {@code cluster-} for a
     * multi-host run), then, within one second, by when its run.json was written.
     */
    public List<RunEntry> list()
    {
        final List<RunEntry> runs = new ArrayList<>();
        if (!Files.isDirectory(runsDir))
        {
            return runs;
        }
        try (Stream<Path> dirs = Files.list(runsDir))
        {
            for (final Path dir : dirs.toList())
            {
                final RunEntry entry = read(dir);
                if (entry != null)
                {
                    runs.add(entry);
                }
            }
        }
        catch (final IOException ex)
        {
            throw new UserError("cannot list the runs in " + runsDir + ": " + ex.getMessage());
        }
        runs.sort(Comparator.comparing((RunEntry r) -> startTime(r.id())).thenComparingLong(r -> manifestWritten(r.dir())).reversed());
        return runs;
    }

    public List<RunEntry> running()
    {
        return list().stream().filter(RunEntry::running).toList();
    }

    /**
     * The run a command shows when it is given no RUN: the live one if exactly one is live, else the
     * most recent; null when there is no run at all.
     */
    public PickedRun pick()
    {
        final List<RunEntry> runs = list();
        final List<RunEntry> live = runs.stream().filter(RunEntry::running).toList();
        if (live.size() == 1)
        {
            return new PickedRun(live.getFirst(), "the only live run");
        }
        if (runs.isEmpty())
        {
            return null;
        }
        return new PickedRun(runs.getFirst(), "the most recent run; " + (live.isEmpty() ? "none is live" : live.size() + " are live"));
    }

    private static String startTime(final String id)
    {
        return id.startsWith(CLUSTER_PREFIX) ? id.substring(CLUSTER_PREFIX.length()) : id;
    }

    private static long manifestWritten(final Path dir)
    {
        try
        {
            return Files.getLastModifiedTime(RunLayout.manifest(dir)).to(TimeUnit.MICROSECONDS);
        }
        catch (final IOException ex)
        {
            return 0; // removed meanwhile: its order no longer matters
        }
    }

    /** The run with this id (or the only one whose id starts with it); a clear error otherwise. */
    public RunEntry find(final String idOrPrefix)
    {
        final List<RunEntry> matches = list().stream().filter(r -> r.id().startsWith(idOrPrefix)).toList();
        for (final RunEntry r : matches)
        {
            if (r.id().equals(idOrPrefix))
            {
                return r;
            }
        }
        if (matches.size() == 1)
        {
            return matches.getFirst();
        }
        if (matches.isEmpty())
        {
            throw new UserError("no run '" + idOrPrefix + "' in " + runsDir.toAbsolutePath() +
                "; `dpl status --list` lists the runs there (use --runs-dir for another directory)");
        }
        throw new UserError("'" + idOrPrefix + "' matches " + matches.size() + " runs (" +
            String.join(", ", matches.stream().map(RunEntry::id).toList()) + "); give more of the id");
    }

    /** Reads one run directory again (its status may have changed). */
    public static RunEntry read(final Path dir)
    {
        final Path manifestFile = RunLayout.manifest(dir);
        if (!Files.isRegularFile(manifestFile))
        {
            return null;
        }
        try
        {
            final RunManifest manifest = RunFiles.readManifest(manifestFile);
            final Path summaryFile = RunLayout.summary(dir);
            final JsonNode summary = Files.isRegularFile(summaryFile) ? JSON.readTree(summaryFile.toFile()) : null;
            final boolean alive = ProcessHandle.of(manifest.driverPid()).map(ProcessHandle::isAlive).orElse(false);
            return new RunEntry(dir.getFileName().toString(), dir, manifest, alive && summary == null, summary);
        }
        catch (final IOException ex)
        {
            return null; // being written, or not ours
        }
    }
}
