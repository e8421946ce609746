package org.jdpl.gpu.reco;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.jdpl.devices.reco.chain.ReconstructionSteps;
import org.jdpl.devices.reco.event.SourceEvent;
import org.jdpl.devices.reco.event.SourceTimeframeWriter;
import org.jdpl.devices.reco.geometry.DetectorGeometry;
import org.jdpl.devices.reco.io.DetectorFile;
import org.jdpl.devices.reco.io.TrackmlEventFiles;
import org.jdpl.devices.reco.sim.EventSimulator;
import org.jdpl.devices.reco.sim.SimConfig;
import org.jdpl.gpu.GpuContext;
import org.jdpl.gpu.GpuMemoryPool;
import org.jdpl.gpu.OpenClAvailable;
import org.jdpl.gpu.SampleData;
import org.jdpl.gpu.clusters.GpuClusterizer;
import org.jdpl.gpu.cpu.CpuBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The GPU clusterizer's spacepoint table is byte for byte the CPU clusterizer's, on simulated
 * timeframes and on the shared TrackML sample, on OpenCL (PoCL) and on the CPU reference backend.
 */
@Timeout(60)
class TimeframeClusterizerTest
{
    @Test
    void shouldEqualTheCpuClusterizerOnSimulatedTimeframesOnOpenCl()
    {
        try (GpuContext context = OpenClAvailable.openFirstDevice())
        {
            assertSimulatedTimeframesEqual(context);
        }
    }

    @Test
    void shouldEqualTheCpuClusterizerOnSimulatedTimeframesOnTheCpuBackend()
    {
        try (GpuContext context = new CpuBackend().open(0))
        {
            assertSimulatedTimeframesEqual(context);
        }
    }

    @Test
    void shouldEqualTheCpuClusterizerOnTheTrackMlSample()
    {
        final Path directory = SampleData.directory();
        final TrackmlEventFiles files = TrackmlEventFiles.scan(directory);
        final DetectorGeometry geometry = DetectorFile.read(DetectorFile.find(directory));
        final List<SourceEvent> events = new ArrayList<>();
        for (final long id : files.eventIds())
        {
            events.add(files.read(id));
        }
        try (GpuContext context = OpenClAvailable.openFirstDevice())
        {
            assertEqualOutputs(context, List.of(events), geometry);
        }
    }

    private static void assertSimulatedTimeframesEqual(final GpuContext context)
    {
        // The simulator's defaults, as trackml-simulator runs them: timeframes 0, 1, 2 of two events.
        final EventSimulator simulator = new EventSimulator(SimConfig.defaults());
        final List<List<SourceEvent>> timeframes = new ArrayList<>();
        for (int tf = 0; tf < 3; tf++)
        {
            final List<SourceEvent> events = new ArrayList<>();
            for (int e = 0; e < 2; e++)
            {
                events.add(simulator.simulate(2L * tf + e));
            }
            timeframes.add(events);
        }
        assertEqualOutputs(context, timeframes, simulator.geometry());
    }

    private static void assertEqualOutputs(final GpuContext context, final List<List<SourceEvent>> timeframes,
        final DetectorGeometry geometry)
    {
        final ReconstructionSteps cpu = ReconstructionSteps.withDefaults();
        try (Arena arena = Arena.ofConfined();
             GpuMemoryPool pool = new GpuMemoryPool(context, 64L << 20);
             GpuClusterizer gpuClusterizer = new GpuClusterizer(context, pool))
        {
            final TimeframeClusterizer gpu = new TimeframeClusterizer(gpuClusterizer);
            long timeslice = 0;
            for (final List<SourceEvent> events : timeframes)
            {
                final Map<SourceTimeframeWriter.Kind, MemorySegment> tables = new EnumMap<>(SourceTimeframeWriter.Kind.class);
                new SourceTimeframeWriter().write(events, geometry, (kind, size) ->
                {
                    final MemorySegment table = arena.allocate(size, 8);
                    tables.put(kind, table);
                    return table;
                });
                final MemorySegment[] expected = new MemorySegment[1];
                final MemorySegment[] actual = new MemorySegment[1];
                final MemorySegment cells = tables.get(SourceTimeframeWriter.Kind.CELLS);
                final MemorySegment modules = tables.get(SourceTimeframeWriter.Kind.MODULES);
                final MemorySegment hits = tables.get(SourceTimeframeWriter.Kind.HITS);
                cpu.clusterize(cells, modules, hits, size -> expected[0] = arena.allocate(size, 8));
                gpu.clusterize(timeslice++, cells, modules, hits, size -> actual[0] = arena.allocate(size, 8));
                assertTrue(cells.byteSize() > 1000, "the timeframe has cells");
                assertEquals(expected[0].byteSize(), actual[0].byteSize(), "spacepoint table size");
                assertEquals(-1, expected[0].mismatch(actual[0]), "spacepoint tables differ at that byte");
            }
            assertEquals(cpu.clusterizer().mergedHits(), gpu.mergedHits(), "merged clusters");
        }
    }
}
