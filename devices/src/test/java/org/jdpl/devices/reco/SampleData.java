package org.jdpl.devices.reco;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.jdpl.devices.reco.event.SourceEvent;
import org.jdpl.devices.reco.event.SourceTimeframeWriter;
import org.jdpl.devices.reco.geometry.DetectorGeometry;

/** Finds the shared TrackML sample (system property {@code jdpl.sampleData}) and writes source tables for tests. */
public final class SampleData
{
    private SampleData()
    {
    }

    /**
     * The sample directory: the {@code jdpl.sampleData} property, else the first {@code shared/data/trackml-sample}
     * above the working directory (a worktree sits one level deeper than the main checkout). Skips the test when absent.
     */
    public static Path directory()
    {
        final String property = System.getProperty("jdpl.sampleData");
        if (property != null && Files.isDirectory(Path.of(property)))
        {
            return Path.of(property);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent())
        {
            final Path candidate = dir.resolve("shared/data/trackml-sample");
            if (Files.isDirectory(candidate))
            {
                return candidate;
            }
        }
        assumeTrue(false, "TrackML sample data not found (system property jdpl.sampleData=" + property +
            " and no shared/data/trackml-sample above the working directory): test skipped");
        return null;
    }

    /** Writes events as source tables into memory of {@code arena}; keyed by table kind. */
    public static Map<SourceTimeframeWriter.Kind, MemorySegment> write(final Arena arena, final List<SourceEvent> events,
        final DetectorGeometry geometry)
    {
        final Map<SourceTimeframeWriter.Kind, MemorySegment> out = new EnumMap<>(SourceTimeframeWriter.Kind.class);
        new SourceTimeframeWriter().write(events, geometry, (kind, size) ->
        {
            final MemorySegment segment = arena.allocate(size, 8);
            out.put(kind, segment);
            return segment;
        });
        return out;
    }
}
