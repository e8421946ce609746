package org.jdpl.gpu.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.jdpl.gpu.GpuContext;
import org.jdpl.gpu.OpenClAvailable;
import org.jdpl.gpu.SampleData;
import org.jdpl.gpu.clusters.CellTable;
import org.jdpl.gpu.cpu.CpuBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs the clusterization benchmark on the TrackML sample and prints its numbers; asserts only
 * that the GPU results were identical to the CPU reference, never a time.
 */
@Timeout(120)
class ClusterBenchmarkTest
{
    private static final int WARM_UP_ROUNDS = 10;
    private static final int TIMED_ROUNDS = 20;

    @Test
    void shouldMeasureOpenClAgainstTheCpuReferenceOnTheSample()
    {
        final CellTable sample = SampleData.cells();
        try (GpuContext context = OpenClAvailable.openFirstDevice())
        {
            report(ClusterBenchmark.run(context, List.of(sample), WARM_UP_ROUNDS, TIMED_ROUNDS));
        }
    }

    @Test
    void shouldMeasureTheCpuBackendAgainstTheCpuReferenceOnTheSample()
    {
        final CellTable sample = SampleData.cells();
        try (GpuContext context = new CpuBackend().open(0))
        {
            report(ClusterBenchmark.run(context, List.of(sample), 2, 5));
        }
    }

    private static void report(final ClusterBenchResult result)
    {
        System.out.println(result.describe());
        System.out.println(result.toJsonFields());
        assertTrue(result.identicalToCpu(), result.describe());
        assertEquals(List.of("backend", "device", "identicalToCpu", "gpu.msPerTf", "cpu.msPerTf"),
            List.copyOf(result.toJsonFields().keySet()).subList(0, 5));
    }
}
