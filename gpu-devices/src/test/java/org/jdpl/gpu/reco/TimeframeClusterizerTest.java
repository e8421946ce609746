package org.jdpl.gpu.reco;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Map;

import org.jdpl.devices.reco.chain.ReconstructionSteps;
import org.jdpl.devices.reco.event.SourceTimeframeWriter;
import org.jdpl.gpu.GpuContext;
import org.jdpl.gpu.GpuMemoryPool;
import org.jdpl.gpu.OpenClAvailable;
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
            assertEqualOutputs(context, RecoInputs.simulated());
        }
    }

    @Test
    void shouldEqualTheCpuClusterizerOnSimulatedTimeframesOnTheCpuBackend()
    {
        try (GpuContext context = new CpuBackend().open(0))
        {
            assertEqualOutputs(context, RecoInputs.simulated());
        }
    }

    @Test
    void shouldEqualTheCpuClusterizerOnTheTrackMlSample()
    {
        final RecoInputs sample = RecoInputs.sample();
        try (GpuContext context = OpenClAvailable.openFirstDevice())
        {
            assertEqualOutputs(context, sample);
        }
    }

    private static void assertEqualOutputs(final GpuContext context, final RecoInputs inputs)
    {
        final ReconstructionSteps cpu = ReconstructionSteps.withDefaults();
        try (Arena arena = Arena.ofConfined();
             GpuMemoryPool pool = new GpuMemoryPool(context, 64L << 20);
             GpuClusterizer gpuClusterizer = new GpuClusterizer(context, pool))
        {
            final TimeframeClusterizer gpu = new TimeframeClusterizer(gpuClusterizer);
            for (int tf = 0; tf < inputs.timeframes().size(); tf++)
            {
                final Map<SourceTimeframeWriter.Kind, MemorySegment> tables = inputs.tables(arena, tf);
                final MemorySegment[] expected = new MemorySegment[1];
                final MemorySegment[] actual = new MemorySegment[1];
                final MemorySegment cells = tables.get(SourceTimeframeWriter.Kind.CELLS);
                final MemorySegment modules = tables.get(SourceTimeframeWriter.Kind.MODULES);
                final MemorySegment hits = tables.get(SourceTimeframeWriter.Kind.HITS);
                cpu.clusterize(cells, modules, hits, size -> expected[0] = arena.allocate(size, 8));
                gpu.clusterize(tf, cells, modules, hits, size -> actual[0] = arena.allocate(size, 8));
                assertTrue(cells.byteSize() > 1000, "the timeframe has cells");
                assertEquals(expected[0].byteSize(), actual[0].byteSize(), "spacepoint table size");
                assertEquals(-1, expected[0].mismatch(actual[0]), "spacepoint tables differ at that byte");
            }
            assertEquals(cpu.clusterizer().mergedHits(), gpu.mergedHits(), "merged clusters");
        }
    }
}
