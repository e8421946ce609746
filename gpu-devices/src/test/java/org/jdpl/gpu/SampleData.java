package org.jdpl.gpu;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.jdpl.gpu.clusters.CellTable;
import org.jdpl.gpu.clusters.TrackMlCells;

/** The repository's TrackML sample event. */
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

    /** The repository's TrackML sample, named by {@code jdpl.sampleData} (set by the root pom); missing data fails the test. */
    public static Path directory()
    {
        final String property = System.getProperty("jdpl.sampleData");
        assertTrue(property != null && Files.isDirectory(Path.of(property)),
            "TrackML sample not found: system property jdpl.sampleData=" + property + " (the root pom sets it to data/trackml-sample)");
        return Path.of(property);
    }
}
