package org.jdpl.tools.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jdpl.framework.driver.RunDirectories;
import org.jdpl.framework.plan.PlannedDevice;

/**
 * {@code dpl bench gpu}: one run in which the simulator's timeframes fan out to the CPU
 * {@code clusterizer} and the {@code gpu-clusterizer}, and a {@code payload-compare} sink checks
 * their spacepoints are the same bytes. Per-timeframe times are each device's own processing time
 * (its {@code processMs} metric over the timeframes), read from the run's summary, so both are
 * measured on the same timeframes in the same run. A control pair, the CPU clusterizer against a
 * second one, says whether any difference is the GPU device's or the run's (a payload that changed
 * on its way). The tool knows the devices only by type name, through the catalog.
 */
public final class GpuBench
{
    static final String GPU_DEVICE = "gpu-clusterizer";
    private static final String TOPOLOGY = """
        devices {
          sim     { use = trackml-simulator, options { events = %d, events-per-timeframe = %d, particles-per-event = %d } }
          cpu     { use = clusterizer, outputs = ["spacepoints:TRK/SPACEPOINTS/1"] }
          gpu     { use = %s, outputs = ["spacepoints:TRK/SPACEPOINTS/2"], gpu { backend = "%s" } }
          compare { use = payload-compare, inputs = ["expected:TRK/SPACEPOINTS/1", "actual:TRK/SPACEPOINTS/2"] }
          cpu2    { use = clusterizer, outputs = ["spacepoints:TRK/SPACEPOINTS/3"] }
          control { use = payload-compare, inputs = ["expected:TRK/SPACEPOINTS/1", "actual:TRK/SPACEPOINTS/3"] }
        }
        """;

    private final int timeframes;
    private final int eventsPerTimeframe;
    private final int particlesPerEvent;
    private final String backend;

    public GpuBench(final int timeframes, final int eventsPerTimeframe, final int particlesPerEvent, final String backend)
    {
        this.timeframes = timeframes;
        this.eventsPerTimeframe = eventsPerTimeframe;
        this.particlesPerEvent = particlesPerEvent;
        this.backend = backend;
    }

    /**
     * Runs the comparison and returns its results under the fixed keys ({@code backend}, {@code device},
     * {@code identicalToCpu}, {@code gpu.msPerTf}, {@code cpu.msPerTf}, ...).
     *
     * @throws IllegalStateException when the run does not end cleanly (the message says where its logs are)
     */
    public Map<String, Object> run()
    {
        final Path dir;
        try
        {
            dir = Files.createTempDirectory("jdpl-bench-gpu");
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot create a directory for the benchmark: " + ex.getMessage(), ex);
        }
        boolean keep = true;
        try (TopologyBench bench = new TopologyBench(dir))
        {
            final TopologyBench.Outcome outcome = bench.runPlanned("gpu against cpu", TOPOLOGY.formatted(
                timeframes * eventsPerTimeframe, eventsPerTimeframe, particlesPerEvent, GPU_DEVICE, backend));
            final Map<String, Object> results = results(outcome);
            // Differing outputs keep the run's files: the compare device's log says where they differ.
            keep = !Boolean.TRUE.equals(results.get("identicalToCpu"));
            if (keep)
            {
                results.put("logs", dir.resolve("devices.log").toString());
            }
            return results;
        }
        finally
        {
            if (!keep)
            {
                RunDirectories.deleteTree(dir);
            }
        }
    }

    private Map<String, Object> results(final TopologyBench.Outcome outcome)
    {
        final Map<String, Double> m = outcome.summary().metrics();
        final PlannedDevice gpu = outcome.plan().device("gpu");
        final double identical = m.getOrDefault("compare.identical", 0.0);
        final double different = m.getOrDefault("compare.different", 0.0);
        final double gpuMs = m.getOrDefault("gpu.processMs", 0.0) / timeframes;
        final double cpuMs = m.getOrDefault("cpu.processMs", 0.0) / timeframes;
        final Map<String, Object> r = new LinkedHashMap<>();
        r.put("backend", gpu.gpu().backend());
        r.put("device", GPU_DEVICE);
        r.put("cpuDevice", "clusterizer");
        r.put("identicalToCpu", different == 0 && identical == timeframes);
        r.put("timeframes", timeframes);
        r.put("timeframesIdentical", (long)identical);
        r.put("controlIdentical", m.getOrDefault("control.different", 0.0) == 0 &&
            m.getOrDefault("control.identical", 0.0) == timeframes);
        r.put("eventsPerTimeframe", eventsPerTimeframe);
        r.put("gpu.msPerTf", gpuMs);
        r.put("cpu.msPerTf", cpuMs);
        r.put("gpuOverCpu", cpuMs > 0 ? gpuMs / cpuMs : Double.NaN);
        r.put("gpu.kernelMsPerTf", m.getOrDefault("gpu.gpu.kernel-ms", 0.0) / timeframes);
        r.put("gpu.transferMsPerTf", m.getOrDefault("gpu.gpu.transfer-ms", 0.0) / timeframes);
        r.put("gpu.transferBytesPerTf", m.getOrDefault("gpu.gpu.transfer-bytes", 0.0) / timeframes);
        r.put("gpu.busyFraction", m.getOrDefault("gpu.gpu.busy-fraction", 0.0));
        r.put("gpu.poolHighWaterBytes", m.getOrDefault("gpu.gpu.pool-high-water-bytes", 0.0));
        r.put("discovery", gpu.gpu().discovery());
        return r;
    }

    public static void print(final Map<String, Object> r, final PrintWriter out)
    {
        out.printf(Locale.ROOT, "%s on %s: %.2f ms/TF; clusterizer (CPU reference): %.2f ms/TF; GPU/CPU time ratio %.2f%n",
            r.get("device"), r.get("backend"), (Double)r.get("gpu.msPerTf"), (Double)r.get("cpu.msPerTf"), (Double)r.get("gpuOverCpu"));
        out.printf(Locale.ROOT, "  of which GPU kernels %.2f ms/TF, transfers %.2f ms/TF (%.0f bytes/TF); pool high water %.0f bytes%n",
            (Double)r.get("gpu.kernelMsPerTf"), (Double)r.get("gpu.transferMsPerTf"), (Double)r.get("gpu.transferBytesPerTf"),
            (Double)r.get("gpu.poolHighWaterBytes"));
        out.printf(Locale.ROOT, "  identical to the CPU reference: %s (%d of %d timeframes, %d events each)%n", r.get("identicalToCpu"),
            r.get("timeframesIdentical"), r.get("timeframes"), r.get("eventsPerTimeframe"));
        if (!Boolean.TRUE.equals(r.get("controlIdentical")))
        {
            out.println("  WARNING: the control pair (clusterizer against clusterizer) differed too: a producer left bytes of its " +
                "output unwritten (they hold whatever the reused memory held) or a payload changed on its way, " +
                "so differences are not the GPU device's alone");
        }
        out.println("  " + r.get("discovery"));
        if (r.containsKey("logs"))
        {
            out.println("  outputs differ: device logs in " + r.get("logs"));
        }
    }
}
