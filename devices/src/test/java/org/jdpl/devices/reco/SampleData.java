package org.jdpl.devices.reco;

import static org.junit.jupiter.api.Assertions.assertTrue;

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
     * The repository's TrackML sample ({@code data/trackml-sample}), named by the system property
     * {@code jdpl.sampleData} that the root pom sets. Missing data fails the test: a clone without the sample
     * must not pass by testing less.
     */
    public static Path directory()
    {
        final String property = System.getProperty("jdpl.sampleData");
        assertTrue(property != null && Files.isDirectory(Path.of(property)),
            "TrackML sample not found: system property jdpl.sampleData=" + property + " (the root pom sets it to data/trackml-sample)");
        return Path.of(property);
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
