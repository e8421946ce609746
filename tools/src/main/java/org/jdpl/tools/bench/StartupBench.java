package org.jdpl.tools.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.DoubleStream;

import org.jdpl.framework.driver.AotCache;
import org.jdpl.framework.driver.JvmFlags;
import org.jdpl.tools.Dpl;
import org.jdpl.tools.bench.StartupRun.DeviceSample;
import org.jdpl.tools.bench.StartupRun.Result;

/**
 * {@code dpl bench startup}: the 8-device chain (counter-source, 6 forwarders, checksum-sink, one
 * timeframe) run by {@code dpl run} as its own process, as 8 device processes and as one process group,
 * each with the start-up (AOT) cache and without it ({@code .noAot}), repetitions interleaved so that a
 * busy machine hurts both alike. Figures are medians over the repetitions (memory and CPU: over every
 * device process of the 8-process runs, sampled when the timeframe was done).
 */
public final class StartupBench
{
    public static final String NO_AOT = ".noAot";
    private static final double MIB = 1024.0 * 1024.0;
    private static final String CHAIN = """
        devices {
          sink   { use = checksum-sink%1$s }
          source { use = counter-source%1$s, options { timeslices = 1, payload-bytes = 256 } }
          f1 { use = forwarder%1$s, outputs = ["out:TST/F1/0"] }
          f2 { use = forwarder%1$s, inputs = ["in:TST/F1"], outputs = ["out:TST/F2/0"] }
          f3 { use = forwarder%1$s, inputs = ["in:TST/F2"], outputs = ["out:TST/F3/0"] }
          f4 { use = forwarder%1$s, inputs = ["in:TST/F3"], outputs = ["out:TST/F4/0"] }
          f5 { use = forwarder%1$s, inputs = ["in:TST/F4"], outputs = ["out:TST/F5/0"] }
          f6 { use = forwarder%1$s, inputs = ["in:TST/F5"] }
        }
        """;

    private final int repetitions;
    private final Path dir;
    private final PrintWriter out;

    public StartupBench(final int repetitions, final Path dir, final PrintWriter out)
    {
        this.repetitions = repetitions;
        this.dir = dir;
        this.out = out;
    }

    /** Whether the AOT figures can be measured: this JVM started from a usable cache (as {@code ./dpl} starts it). */
    public static boolean aotAvailable()
    {
        return AotCache.inUse();
    }

    public Map<String, Double> run()
    {
        final Path processes = write("processes.conf", CHAIN.formatted(""));
        final Path group = write("group.conf", CHAIN.formatted(", process = chain"));
        final List<String> modes = aotAvailable() ? List.of("", NO_AOT) : List.of(NO_AOT);
        final Map<String, List<Result>> byProcesses = new LinkedHashMap<>();
        final Map<String, List<Result>> byGroup = new LinkedHashMap<>();
        for (int rep = 1; rep <= repetitions; rep++)
        {
            for (final String mode : modes)
            {
                out.printf("repetition %d/%d%s ...%n", rep, repetitions, mode.isEmpty() ? "" : " without the AOT cache");
                byProcesses.computeIfAbsent(mode, m -> new ArrayList<>()).add(new StartupRun().run(command(processes, mode), dir));
                byGroup.computeIfAbsent(mode, m -> new ArrayList<>()).add(new StartupRun().run(command(group, mode), dir));
            }
        }
        final Map<String, Double> results = new LinkedHashMap<>();
        for (final String mode : modes)
        {
            final List<Result> p = byProcesses.get(mode);
            final List<Result> g = byGroup.get(mode);
            final List<DeviceSample> devices = p.stream().flatMap(r -> r.devices().stream()).toList();
            results.put("startup.processes.msToFirstTimeframe" + mode, median(p.stream().mapToDouble(Result::msToFirstTimeframe)));
            results.put("startup.processes.msTotal" + mode, median(p.stream().mapToDouble(Result::msTotal)));
            results.put("startup.group.msToFirstTimeframe" + mode, median(g.stream().mapToDouble(Result::msToFirstTimeframe)));
            results.put("startup.group.msTotal" + mode, median(g.stream().mapToDouble(Result::msTotal)));
            results.put("rss.device.medianMiB" + mode, median(devices.stream().mapToDouble(d -> d.rssBytes() / MIB)));
            results.put("pss.device.medianMiB" + mode, median(devices.stream().mapToDouble(d -> d.pssBytes() / MIB)));
            results.put("rss.driver.MiB" + mode, median(p.stream().mapToDouble(r -> r.driverPeakRssBytes() / MIB)));
            results.put("cpu.device.msMedian" + mode, median(devices.stream().mapToDouble(DeviceSample::cpuMs)));
        }
        return results;
    }

    /** The figures as a table: one row per figure, with and without the cache ("-" where not measured). */
    public static void print(final Map<String, Double> r, final PrintWriter out)
    {
        final Set<String> figures = new LinkedHashSet<>();
        r.keySet().forEach(key -> figures.add(key.endsWith(NO_AOT) ? key.substring(0, key.length() - NO_AOT.length()) : key));
        out.printf(Locale.ROOT, "%-38s %12s %12s%n", "", "AOT cache", "no cache");
        for (final String figure : figures)
        {
            out.printf(Locale.ROOT, "%-38s %12s %12s%n", figure, cell(r.get(figure)), cell(r.get(figure + NO_AOT)));
        }
    }

    private static String cell(final Double value)
    {
        return value == null ? "-" : String.format(Locale.ROOT, "%.1f", value);
    }

    /** {@code java <flags> [cache] -cp <this class path> Dpl run <topology>}: dpl run as ./dpl starts it. */
    private List<String> command(final Path topology, final String mode)
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JvmFlags.load());
        if (mode.isEmpty())
        {
            command.addAll(AotCache.driverStartOptions());
        }
        final String flagsFile = System.getProperty(JvmFlags.FILE_PROPERTY);
        if (flagsFile != null)
        {
            command.add("-D" + JvmFlags.FILE_PROPERTY + "=" + flagsFile);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Dpl.class.getName(),
            "run", "--runs-dir", dir.resolve("runs").toString(), topology.toString()));
        return command;
    }

    private Path write(final String name, final String topology)
    {
        try
        {
            return Files.writeString(dir.resolve(name), topology);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write " + dir.resolve(name) + ": " + ex.getMessage(), ex);
        }
    }

    private static double median(final DoubleStream values)
    {
        final double[] sorted = values.sorted().toArray();
        if (sorted.length == 0)
        {
            return Double.NaN;
        }
        final int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
