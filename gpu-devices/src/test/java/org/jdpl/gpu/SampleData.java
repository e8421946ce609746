package org.jdpl.gpu;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.jdpl.gpu.clusters.CellTable;
import org.jdpl.gpu.clusters.TrackMlCells;

/** The shared TrackML sample event's cells, or a skipped test saying where they were looked for. */
public final class SampleData
{
    private SampleData()
    {
    }

    /** The sample event's cells, read by {@link TrackMlCells}. */
    public static CellTable cells()
    {
        return TrackMlCells.read(directory(), "event000000001");
    }

    /**
     * The sample from {@code jdpl.sampleData}; in a git worktree that path (relative to the
     * checkout) misses, so the nearest {@code shared/data/trackml-sample} above the working
     * directory is tried too.
     */
    public static Path directory()
    {
        final String property = System.getProperty("jdpl.sampleData");
        Path dir = property == null ? null : Path.of(property);
        for (Path up = Path.of("").toAbsolutePath(); (dir == null || !Files.isDirectory(dir)) && up != null; up = up.getParent())
        {
            dir = up.resolve("shared/data/trackml-sample");
        }
        assumeTrue(dir != null && Files.isDirectory(dir), "skipped: no TrackML sample (system property jdpl.sampleData=" + property + ")");
        return dir;
    }
}
