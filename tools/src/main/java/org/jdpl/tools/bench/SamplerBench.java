package org.jdpl.tools.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.agrona.concurrent.SystemEpochClock;
import org.agrona.concurrent.SystemNanoClock;
import org.agrona.concurrent.status.CountersReader;
import org.jdpl.framework.catalog.DeviceCatalog;
import org.jdpl.framework.counters.CountersSnapshot;
import org.jdpl.framework.counters.RunCountersFile;
import org.jdpl.framework.driver.TimeSeriesSampler;
import org.jdpl.framework.plan.Plan;
import org.jdpl.framework.run.RunLayout;
import org.jdpl.framework.topology.Compilation;
import org.jdpl.framework.topology.TopologyCompiler;

/**
 * What the Driver's time series costs: the CPU time, heap allocation and bytes written per sample of a counters file
 * for an N-device chain (counter-source, forwarders, checksum-sink) whose every counter holds a 10-digit value (the
 * longest lines), against the baseline of reading the counters once (what {@code dpl status} does), in the same run.
 * CPU time, not wall time: the number is the Driver's own work, whatever else the machine runs.
 */
public final class SamplerBench
{
    private static final long VALUE = 1_234_567_890L;
    private static final int ROUNDS = 10;

    private final int devices;
    private final int samples;
    private final Path dir;

    public SamplerBench(final int devices, final int samples, final Path dir)
    {
        this.devices = devices;
        this.samples = samples;
        this.dir = dir;
    }

    public Map<String, Double> run() throws IOException
    {
        final Plan plan = plan();
        final Map<String, Double> r = new LinkedHashMap<>();
        r.put("devices", (double)plan.devices().size());
        r.put("samples", (double)samples);
        try (RunCountersFile counters = RunCountersFile.create(RunLayout.counters(dir), plan.devices()))
        {
            fill(counters);
            final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
            final Path series = dir.resolve("timeseries.jsonl");
            try (TimeSeriesSampler sampler = TimeSeriesSampler.open(counters, series, 1000, SystemNanoClock.INSTANCE, SystemEpochClock.INSTANCE))
            {
                for (int i = 0; i < samples; i++) // warm-up of both, so that neither is measured while being compiled
                {
                    CountersSnapshot.read(counters);
                    sampler.finish();
                }
                final long headerAndWarmUp = Files.size(series);
                // Rounds of each in turn, so that what the machine does meanwhile falls on both alike.
                long readCpu = 0;
                long readAllocated = 0;
                long sampleCpu = 0;
                long sampleAllocated = 0;
                final int perRound = Math.max(1, samples / ROUNDS);
                for (int round = 0; round < ROUNDS; round++)
                {
                    long cpu = threads.getCurrentThreadCpuTime();
                    long allocated = threads.getCurrentThreadAllocatedBytes();
                    for (int i = 0; i < perRound; i++)
                    {
                        CountersSnapshot.read(counters);
                    }
                    readCpu += threads.getCurrentThreadCpuTime() - cpu;
                    readAllocated += threads.getCurrentThreadAllocatedBytes() - allocated;
                    cpu = threads.getCurrentThreadCpuTime();
                    allocated = threads.getCurrentThreadAllocatedBytes();
                    for (int i = 0; i < perRound; i++)
                    {
                        sampler.finish();
                    }
                    sampleCpu += threads.getCurrentThreadCpuTime() - cpu;
                    sampleAllocated += threads.getCurrentThreadAllocatedBytes() - allocated;
                }
                final int measured = perRound * ROUNDS;
                final double readUs = readCpu / 1e3 / measured;
                final double readBytes = (double)readAllocated / measured;
                final double sampleUs = sampleCpu / 1e3 / measured;
                r.put("readCpuUsPerSnapshot", readUs);
                r.put("sampleCpuUsPerSample", sampleUs);
                r.put("sampleOverReadRatio", sampleUs / readUs);
                r.put("readAllocatedBytesPerSnapshot", readBytes);
                r.put("sampleAllocatedBytesPerSample", (double)sampleAllocated / measured);
                r.put("fileBytesPerSample", (double)(Files.size(series) - headerAndWarmUp) / measured);
                r.put("coreSharePercentAt1s", sampleUs / 1e6 * 100);
                r.put("fileMBPerHourAt1s", (Files.size(series) - headerAndWarmUp) / (double)measured * 3600 / 1e6);
            }
        }
        return r;
    }

    public static void print(final Map<String, Double> r, final PrintWriter out)
    {
        out.printf(Locale.ROOT, "time series of %.0f devices, %.0f samples (CPU time of this thread, allocation, file size):%n",
            r.get("devices"), r.get("samples"));
        out.printf(Locale.ROOT, "  baseline: reading the counters once   %8.1f us  %9.0f bytes allocated%n",
            r.get("readCpuUsPerSnapshot"), r.get("readAllocatedBytesPerSnapshot"));
        out.printf(Locale.ROOT, "  sampling (read + one line appended)  %8.1f us  %9.0f bytes allocated  %6.0f bytes written  (%.2fx the baseline)%n",
            r.get("sampleCpuUsPerSample"), r.get("sampleAllocatedBytesPerSample"), r.get("fileBytesPerSample"), r.get("sampleOverReadRatio"));
        out.printf(Locale.ROOT, "  at one sample a second: %.4f %% of one core, %.1f MB of time series an hour%n",
            r.get("coreSharePercentAt1s"), r.get("fileMBPerHourAt1s"));
    }

    /** A chain of {@link #devices}: counter-source, forwarders, checksum-sink. */
    private Plan plan() throws IOException
    {
        final StringBuilder text = new StringBuilder("devices {\n  source { use = counter-source }\n");
        String previous = "TST/COUNTER/0";
        for (int i = 1; i <= devices - 2; i++)
        {
            final String spec = "TST/F" + i + "/0";
            text.append("  fwd").append(i).append(" { use = forwarder, inputs = [\"in:").append(previous).append("\"], outputs = [\"out:")
                .append(spec).append("\"] }\n");
            previous = spec;
        }
        text.append("  sink { use = checksum-sink, inputs = [\"in:").append(previous).append("\"] }\n}\n");
        final Path file = Files.writeString(dir.resolve("sampler-bench.conf"), text);
        final Compilation compilation = TopologyCompiler.compile(List.of(file), List.of(), DeviceCatalog.load());
        if (!compilation.ok())
        {
            throw new IllegalStateException("the benchmark's topology does not compile: " + compilation.problemReport());
        }
        return compilation.plan();
    }

    /** Every counter a 10-digit value, as after a long run. */
    private static void fill(final RunCountersFile counters)
    {
        final CountersReader reader = counters.reader();
        reader.forEach((id, typeId, key, label) -> counters.values().putLongVolatile(CountersReader.counterOffset(id), VALUE));
    }
}
