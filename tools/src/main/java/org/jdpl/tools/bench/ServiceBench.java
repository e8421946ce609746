package org.jdpl.tools.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;
import org.jdpl.framework.catalog.DeviceCatalog;
import org.jdpl.framework.driver.Driver;
import org.jdpl.framework.driver.DriverContext;
import org.jdpl.framework.driver.RunDirectories;
import org.jdpl.framework.driver.RunStatus;
import org.jdpl.framework.driver.RunSummary;
import org.jdpl.framework.topology.Compilation;
import org.jdpl.framework.topology.TopologyCompiler;
import org.jdpl.gpu.service.ServiceLatencies;
import org.jdpl.gpu.service.ServiceRecord;

/**
 * {@code dpl bench service}, after Triton's perf_analyzer: a GPU service (gpu-seeder) in a process of
 * its own with 1 and 2 instances; for each, 1, 2 and 4 client runs at once, each sending the same
 * number of simulated timeframes through a {@code service-step}. Throughput is the replies while every
 * client was sending ({@link Throughput}; each client's warm-up timeframe left out), latency the
 * client-side HdrHistograms of all clients added up, batch size and GPU busy from the service's
 * counters over the point (warm-up included). The baseline is the in-topology gpu-seeder on the same
 * timeframes in the same invocation: its processing time per timeframe after the first.
 */
public final class ServiceBench
{
    private static final String SERVICE = "bench-seeds";
    private static final int WARM_UP = 1;
    private static final String CLIENT = """
        devices {
          sim     { use = trackml-simulator, options { events = %d, events-per-timeframe = %d, particles-per-event = %d, seed = %d } }
          cluster { use = clusterizer }
          svc     { use = service-step, options { service = %s, warm-up = %d } }
        }
        """;
    private static final String BASELINE = """
        devices {
          sim     { use = trackml-simulator, options { events = %d, events-per-timeframe = %d, particles-per-event = %d, seed = 1 } }
          cluster { use = clusterizer }
          gpu     { use = gpu-seeder, gpu { backend = "%s", share = true, memory = %s } }
        }
        """;

    private final List<Integer> clients;
    private final List<Integer> instances;
    private final int timeframes;
    private final int eventsPerTimeframe;
    private final int particlesPerEvent;
    private final int maxBatch;
    private final String maxQueueDelay;
    private final String backend;
    private final DeviceCatalog catalog = DeviceCatalog.load();

    public ServiceBench(final List<Integer> clients, final List<Integer> instances, final int timeframes, final int eventsPerTimeframe,
        final int particlesPerEvent, final int maxBatch, final String maxQueueDelay, final String backend)
    {
        this.clients = clients;
        this.instances = instances;
        this.timeframes = timeframes;
        this.eventsPerTimeframe = eventsPerTimeframe;
        this.particlesPerEvent = particlesPerEvent;
        this.maxBatch = maxBatch;
        this.maxQueueDelay = maxQueueDelay;
        this.backend = backend;
    }

    /** Runs the sweep and the baseline; results under the keys. */
    public Map<String, Object> run()
    {
        final Path dir;
        try
        {
            dir = Files.createTempDirectory("jdpl-bench-service");
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot create a directory for the benchmark: " + e.getMessage(), e);
        }
        boolean ok = false;
        try
        {
            final Map<String, Object> r = new LinkedHashMap<>();
            r.put("timeframesPerClient", timeframes);
            r.put("eventsPerTimeframe", eventsPerTimeframe);
            r.put("maxBatch", maxBatch);
            r.put("maxQueueDelay", maxQueueDelay);
            final double baseline = baseline(dir, r);
            double best = 0;
            for (final int i : instances)
            {
                try (ServiceProcess service = ServiceProcess.start(serviceFile(dir, i), SERVICE, dir.resolve("runs")))
                {
                    for (final int c : clients)
                    {
                        best = Math.max(best, point(dir, service, c, i, r));
                    }
                }
                catch (final InterruptedException e)
                {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
            r.put("service.best.overBaseline", baseline > 0 ? best / baseline : Double.NaN);
            ok = true;
            return r;
        }
        finally
        {
            if (ok)
            {
                RunDirectories.deleteTree(dir);
            }
        }
    }

    private double baseline(final Path dir, final Map<String, Object> r)
    {
        final RunSummary s = runClient(dir, "baseline", BASELINE.formatted(timeframes * eventsPerTimeframe, eventsPerTimeframe, particlesPerEvent,
            backend, "64M"));
        final double msPerTf = (s.metrics().getOrDefault("gpu.processMs", 0.0) - s.metrics().getOrDefault("gpu.firstMs", 0.0)) /
            Math.max(1, timeframes - 1);
        final double tfPerSec = msPerTf > 0 ? 1000 / msPerTf : 0;
        r.put("baseline.msPerTf", msPerTf);
        r.put("baseline.tfPerSec", tfPerSec);
        return tfPerSec;
    }

    private Path serviceFile(final Path dir, final int instanceCount)
    {
        try
        {
            return Files.writeString(dir.resolve("service-i" + instanceCount + ".conf"), """
                name = %s
                step = gpu-seeder
                gpu { backend = %s, memory = 64M }
                instances = %d
                max-batch = %d
                max-queue-delay = %s
                """.formatted(SERVICE, backend, instanceCount, maxBatch, maxQueueDelay), StandardCharsets.UTF_8);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    /** One point of the sweep: {@code clientCount} client runs at once; returns its throughput. */
    private double point(final Path dir, final ServiceProcess service, final int clientCount, final int instanceCount,
        final Map<String, Object> r)
    {
        final ServiceRecord before = service.record();
        final List<CompletableFuture<RunSummary>> runs = new ArrayList<>();
        // A thread per client run: the common pool has one thread on two cores, which ran the "concurrent" clients one by one.
        final ExecutorService threads = Executors.newFixedThreadPool(clientCount);
        for (int k = 0; k < clientCount; k++)
        {
            final String step = "c" + clientCount + ".i" + instanceCount + ".client" + k;
            final String topology = CLIENT.formatted(timeframes * eventsPerTimeframe, eventsPerTimeframe, particlesPerEvent, k + 1, SERVICE,
                WARM_UP);
            runs.add(CompletableFuture.supplyAsync(() -> runClient(dir, step, topology), threads));
        }
        threads.shutdown();
        final Histogram latencies = ServiceLatencies.histogram();
        final List<long[]> replyTimes = new ArrayList<>();
        double start = Double.MAX_VALUE;
        double end = 0;
        for (final CompletableFuture<RunSummary> run : runs)
        {
            final RunSummary s = run.join();
            start = Math.min(start, s.metrics().getOrDefault("svc.service.windowStartMs", 0.0));
            end = Math.max(end, s.metrics().getOrDefault("svc.service.windowEndMs", 0.0));
            ServiceLatencies.addAll(Path.of(s.runDir()), latencies);
            replyTimes.add(ServiceLatencies.replyTimesUs(Path.of(s.runDir())));
        }
        final long endedMs = System.currentTimeMillis();
        final ServiceRecord after = awaitCountersAfter(service, endedMs);
        final Throughput throughput = Throughput.whileAllRan(replyTimes);
        final double batches = after.counter("batches") - before.counter("batches");
        final double answered = after.counter("requests") + after.counter("failures") - before.counter("requests") - before.counter("failures");
        final double gpuMs = after.counter("kernelMs") + after.counter("transferMs") - before.counter("kernelMs") - before.counter("transferMs");
        final String key = "service.c" + clientCount + ".i" + instanceCount;
        final double tfPerSec = throughput.tfPerSec();
        r.put(key + ".tfPerSec", tfPerSec);
        r.put(key + ".measuredReplies", throughput.replies());
        r.put(key + ".p50Ms", latencies.getValueAtPercentile(50) / 1e6);
        r.put(key + ".p95Ms", latencies.getValueAtPercentile(95) / 1e6);
        r.put(key + ".p99Ms", latencies.getValueAtPercentile(99) / 1e6);
        r.put(key + ".batchMean", batches > 0 ? answered / batches : 0.0);
        r.put(key + ".queueMsPerTf", answered > 0 ? (after.counter("queueMs") - before.counter("queueMs")) / answered : 0.0);
        r.put(key + ".computeMsPerTf", answered > 0 ? (after.counter("computeMs") - before.counter("computeMs")) / answered : 0.0);
        r.put(key + ".gpuBusy", end > start ? Math.min(1.0, gpuMs / ((end - start) * instanceCount)) : 0.0);
        return tfPerSec;
    }

    /**
     * Replies per second while every client was sending: from the latest first reply of a client to the
     * earliest last reply, so that a client still starting its JVMs (or already done) does not count as
     * a concurrent one. With one client, its rate between its first and last measured reply.
     */
    record Throughput(long replies, double seconds)
    {
        static Throughput whileAllRan(final List<long[]> replyTimesUs)
        {
            long from = Long.MIN_VALUE;
            long to = Long.MAX_VALUE;
            for (final long[] times : replyTimesUs)
            {
                if (times.length == 0)
                {
                    return new Throughput(0, 0);
                }
                from = Math.max(from, Arrays.stream(times).min().getAsLong());
                to = Math.min(to, Arrays.stream(times).max().getAsLong());
            }
            final long start = from;
            final long end = to;
            final long replies = replyTimesUs.stream().flatMapToLong(Arrays::stream).filter(t -> t > start && t <= end).count();
            return new Throughput(replies, end > start ? (end - start) / 1e6 : 0);
        }

        double tfPerSec()
        {
            return seconds > 0 ? replies / seconds : 0;
        }
    }

    /** The service's registration once it has written its counters after {@code afterMs} (it does every second). */
    private static ServiceRecord awaitCountersAfter(final ServiceProcess service, final long afterMs)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        ServiceRecord r = service.record();
        while (r == null || r.counter("updatedMs") <= afterMs)
        {
            if (System.nanoTime() > deadline)
            {
                throw new IllegalStateException("the service stopped writing its counters: " + service.log());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50)); // polling a file the service rewrites each second
            r = service.record();
        }
        return r;
    }

    private RunSummary runClient(final Path dir, final String step, final String topology)
    {
        final Path file = dir.resolve(step + ".conf");
        try
        {
            Files.writeString(file, topology);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
        final Compilation compilation = TopologyCompiler.compile(List.of(file), List.of(), catalog);
        if (!compilation.ok())
        {
            throw new IllegalStateException("benchmark step " + step + ": its topology is invalid:\n" + compilation.problemReport());
        }
        final Path log = dir.resolve(step + ".log");
        try (PrintWriter deviceLog = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true))
        {
            final RunSummary summary = new Driver(new DriverContext().console(deviceLog).runsDir(dir.resolve("runs"))).run(compilation.plan());
            if (summary.status() != RunStatus.OK)
            {
                throw new IllegalStateException("benchmark step " + step + " failed: " + summary.failure() + " (device logs: " + log + ")");
            }
            return summary;
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    /** The table: one row per point, the baseline first. */
    public static void print(final Map<String, Object> r, final List<Integer> clients, final List<Integer> instances, final PrintWriter out)
    {
        out.printf(Locale.ROOT, "baseline (in-topology gpu-seeder): %.2f ms/TF, %.2f TF/s; %s timeframes of %s events per client, " +
            "max-batch %s, max-queue-delay %s%n", (Double)r.get("baseline.msPerTf"), (Double)r.get("baseline.tfPerSec"),
            r.get("timeframesPerClient"), r.get("eventsPerTimeframe"), r.get("maxBatch"), r.get("maxQueueDelay"));
        out.printf("%-8s %-10s %9s %9s %9s %9s %10s %11s %13s %8s%n", "clients", "instances", "TF/s", "p50 ms", "p95 ms", "p99 ms",
            "batch mean", "queue ms/TF", "compute ms/TF", "GPU busy");
        for (final int i : instances)
        {
            for (final int c : clients)
            {
                final String k = "service.c" + c + ".i" + i;
                out.printf(Locale.ROOT, "%-8d %-10d %9.2f %9.1f %9.1f %9.1f %10.2f %11.1f %13.1f %8.2f%n", c, i, (Double)r.get(k + ".tfPerSec"),
                    (Double)r.get(k + ".p50Ms"), (Double)r.get(k + ".p95Ms"), (Double)r.get(k + ".p99Ms"), (Double)r.get(k + ".batchMean"),
                    (Double)r.get(k + ".queueMsPerTf"), (Double)r.get(k + ".computeMsPerTf"), (Double)r.get(k + ".gpuBusy"));
            }
        }
        out.printf(Locale.ROOT, "best service throughput over the baseline: %.2f%n", (Double)r.get("service.best.overBaseline"));
    }
}
