package org.jdpl.tools.view;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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

    private final Path runsDir;

    public RunLocator(final Path runsDir)
    {
        this.runsDir = runsDir;
    }

    public Path runsDir()
    {
        return runsDir;
    }

    /** Every run, newest first (run ids start with their start time). */
    public List<RunEntry> list()
    {
        final List<RunEntry> runs = new ArrayList<>();
        if (!Files.isDirectory(runsDir))
        {
            return runs;
        }
        try (Stream<Path> dirs = Files.list(runsDir))
        {
            for (final Path dir : dirs.sorted(Comparator.reverseOrder()).toList())
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
        return runs;
    }

    public List<RunEntry> running()
    {
        return list().stream().filter(RunEntry::running).toList();
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
                "; `dpl status` lists the runs there (use --runs-dir for another directory)");
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
