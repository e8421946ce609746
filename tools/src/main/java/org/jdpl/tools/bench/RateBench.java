package org.jdpl.tools.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.jdpl.framework.catalog.DeviceCatalog;
import org.jdpl.framework.driver.Driver;
import org.jdpl.framework.driver.DriverContext;
import org.jdpl.framework.driver.RunDirectories;
import org.jdpl.framework.driver.RunStatus;
import org.jdpl.framework.driver.RunSummary;
import org.jdpl.framework.topology.Compilation;
import org.jdpl.framework.topology.TopologyCompiler;

/**
 * {@code dpl bench rate}: a chain with a slow stage (busy work with jitter) run twice in the same
 * invocation, under the plain in-flight limit and with {@code smooth = true}; for each, the spread
 * of the timeframes in flight over the steady phase (sampled from the shared counters every few
 * milliseconds) and the throughput. Both modes run the same topology but for the one setting.
 */
public final class RateBench
{
    private static final String TOPOLOGY = """
        devices {
          source { use = counter-source, options { timeslices = %d, payload-bytes = 1K } }
          slow   { use = forwarder, outputs = ["out:TST/SLOW/0"], options { work-us = %d, work-jitter = %s } }
          fwd    { use = forwarder, inputs = ["in:TST/SLOW"] }
          sink   { use = checksum-sink }
        }
        rate-limit { timeframes-in-flight = %d, smooth = %s }
        """;
    private static final String[] MODES = {"plain", "smooth"};

    private final RateBenchSettings settings;
    private final PrintWriter out;
    private final Path samplesPrefix;

    /** With {@code samplesPrefix} not null, the samples of each mode go to {@code <prefix>-<mode>.tsv}. */
    public RateBench(final RateBenchSettings settings, final PrintWriter out, final Path samplesPrefix)
    {
        this.settings = settings;
        this.out = out;
        this.samplesPrefix = samplesPrefix;
    }

    /** Runs both modes and returns the figures under the fixed key names. */
    public Map<String, Double> run()
    {
        final Path dir = tempDir("jdpl-bench-rate");
        final Path shmRoot = tempDir(DriverContext.DEFAULT_SHM_ROOT, "jdpl-bench-rate");
        final Map<String, Double> r = new TreeMap<>();
        r.put("loadavg.start", loadAverage());
        try (PrintWriter deviceLog = new PrintWriter(Files.newBufferedWriter(dir.resolve("devices.log"), StandardCharsets.UTF_8), true))
        {
            for (final String mode : MODES)
            {
                out.printf(Locale.ROOT, "rate: %s, %,d timeframes, slow stage %d us +- %.0f%%, at most %d in flight ...%n", mode,
                    settings.timeframes(), settings.workUs(), settings.workJitter() * 100, settings.inFlight());
                out.flush();
                final InFlightSamples.Steady steady = runOnce(mode, dir, shmRoot, deviceLog);
                r.put("inflight.stddev." + mode, steady.stddevInFlight());
                r.put("inflight.mean." + mode, steady.meanInFlight());
                r.put("throughput." + mode, steady.timeframesPerSecond());
                r.put("samples." + mode, (double)steady.samples());
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("rate bench: " + ex.getMessage(), ex);
        }
        finally
        {
            RunDirectories.deleteTree(dir);
            RunDirectories.deleteTree(shmRoot);
        }
        r.put("inflight.stddev.ratio", r.get("inflight.stddev.smooth") / r.get("inflight.stddev.plain"));
        r.put("throughput.ratio", r.get("throughput.smooth") / r.get("throughput.plain"));
        r.put("limit", (double)settings.inFlight());
        r.put("loadavg.end", loadAverage());
        return r;
    }

    private InFlightSamples.Steady runOnce(final String mode, final Path dir, final Path shmRoot, final PrintWriter deviceLog) throws IOException
    {
        final Path file = Files.writeString(dir.resolve(mode + ".conf"), TOPOLOGY.formatted(settings.timeframes(), settings.workUs(),
            Double.toString(settings.workJitter()), settings.inFlight(), "smooth".equals(mode)));
        final Compilation compilation = TopologyCompiler.compile(List.of(file), List.of(), DeviceCatalog.load());
        if (!compilation.ok())
        {
            throw new IllegalStateException("rate bench topology invalid:\n" + compilation.problemReport());
        }
        deviceLog.println("=== " + mode);
        final RunSummary summary;
        final InFlightSampler sampler = new InFlightSampler(shmRoot, compilation.plan(), "source", "sink");
        try (sampler)
        {
            summary = new Driver(new DriverContext().console(deviceLog).runsDir(dir.resolve("runs")).shmRoot(shmRoot))
                .run(compilation.plan());
        }
        if (summary.status() != RunStatus.OK || summary.timeslices().completed() != settings.timeframes())
        {
            throw new IllegalStateException("rate bench (" + mode + "): the run did not complete every timeframe (" +
                summary.timeslices().completed() + " of " + settings.timeframes() + "): " + summary.failure() +
                " (device logs: " + dir.resolve("devices.log") + ")");
        }
        final InFlightSamples samples = sampler.samples();
        if (samplesPrefix != null)
        {
            samples.writeTsv(Path.of(samplesPrefix + "-" + mode + ".tsv"));
        }
        return samples.steady(settings.timeframes());
    }

    public static void print(final Map<String, Double> r, final PrintWriter out)
    {
        out.printf(Locale.ROOT, "%-8s %18s %16s %18s%n", "mode", "in flight stddev", "in flight mean", "timeframes/s");
        for (final String mode : MODES)
        {
            out.printf(Locale.ROOT, "%-8s %18.2f %16.2f %18.1f%n", mode, r.get("inflight.stddev." + mode),
                r.get("inflight.mean." + mode), r.get("throughput." + mode));
        }
        out.printf(Locale.ROOT, "smooth/plain: in-flight stddev x%.2f, throughput x%.3f (limit %.0f; same run)%n",
            r.get("inflight.stddev.ratio"), r.get("throughput.ratio"), r.get("limit"));
        out.printf(Locale.ROOT, "machine load average %.1f at the start, %.1f at the end, on %d cores: other work skews both modes%n",
            r.get("loadavg.start"), r.get("loadavg.end"), Runtime.getRuntime().availableProcessors());
    }

    /** The one-minute load average ({@code /proc/loadavg}), or -1 where there is none. */
    private static double loadAverage()
    {
        try
        {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        }
        catch (final IOException | RuntimeException ex)
        {
            return -1;
        }
    }

    private static Path tempDir(final String prefix)
    {
        try
        {
            return Files.createTempDirectory(prefix);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot create a bench directory: " + ex.getMessage(), ex);
        }
    }

    private static Path tempDir(final Path root, final String prefix)
    {
        try
        {
            return Files.createTempDirectory(root, prefix);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot create a bench directory in " + root + ": " + ex.getMessage(), ex);
        }
    }
}
