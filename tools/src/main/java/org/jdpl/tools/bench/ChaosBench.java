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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jdpl.framework.catalog.DeviceCatalog;
import org.jdpl.framework.driver.Driver;
import org.jdpl.framework.driver.DriverContext;
import org.jdpl.framework.driver.RunDirectories;
import org.jdpl.framework.driver.RunStatus;
import org.jdpl.framework.driver.RunSummary;
import org.jdpl.framework.driver.TimesliceTotals;
import org.jdpl.framework.topology.Compilation;
import org.jdpl.framework.topology.TopologyCompiler;

/**
 * {@code dpl bench chaos}: a chain of counter-source → forwarder ×2 (restart) → checksum sink
 * (restart), with an expendable checksum sink ×2 beside it, run for a while as {@link ChaosMonkey}
 * kills random device processes with SIGKILL at random moments (never the source, never the last
 * live spare); then a stop. Once a spare is dead, half of every later timeslice is lost there, by
 * design of {@code expendable}: {@code chaos.lost} is mostly that. Reports whether every
 * produced timeslice is accounted for (completed, dropped with a reason, or lost at a device that
 * died on its way), and that nothing is left running or in shared memory.
 * <p>
 * The short chain, not the reconstruction chain: on two shared cores one reconstruction run takes
 * most of a minute to start its six JVMs, and every restart costs a JVM start; the chain here
 * exercises the same supervision, restart, abandonment and accounting paths at many kills a minute.
 */
public final class ChaosBench
{
    private static final String TOPOLOGY = """
        devices {
          source { use = counter-source, options { timeslices = 1000000000, rate-hz = %d } }
          fwd    { use = forwarder, pipeline = 2, on-crash = restart, restart { max = 1000, window = 60s } }
          sink   { use = checksum-sink, on-crash = restart, restart { max = 1000, window = 60s }, options { fail-on-error = false } }
          spare  { use = checksum-sink, pipeline = 2, inputs = ["in:TST/FORWARD"], on-crash = expendable,
                   options { fail-on-error = false } }
        }
        """;
    /** How long a run may take to drain after its stop before the bench calls it a stall and kills it. */
    private static final long DRAIN_LIMIT_SECONDS = 180;

    private final ChaosSettings settings;
    private final PrintWriter out;

    public ChaosBench(final ChaosSettings settings, final PrintWriter out)
    {
        this.settings = settings;
        this.out = out;
    }

    /** Runs the chaos and returns its figures under the fixed key names. */
    public Map<String, Double> run()
    {
        final Path dir;
        try
        {
            dir = Files.createTempDirectory("jdpl-bench-chaos");
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot create a bench directory: " + ex.getMessage(), ex);
        }
        final RunningDevices console;
        try
        {
            console = new RunningDevices(Files.newBufferedWriter(dir.resolve("devices.log"), StandardCharsets.UTF_8));
        }
        catch (final IOException ex)
        {
            RunDirectories.deleteTree(dir);
            throw new UncheckedIOException("chaos bench: " + ex.getMessage(), ex);
        }
        try (PrintWriter deviceLog = new PrintWriter(console, true))
        {
            final Path file = Files.writeString(dir.resolve("chaos.conf"), TOPOLOGY.formatted(settings.rateHz()));
            final Compilation compilation = TopologyCompiler.compile(List.of(file), List.of(), DeviceCatalog.load());
            if (!compilation.ok())
            {
                throw new IllegalStateException("chaos topology invalid:\n" + compilation.problemReport());
            }
            out.printf(Locale.ROOT, "chaos: %.1f min of source -> fwd x2 (restart) -> sink (restart) + spare x2 (expendable), " +
                "%d timeslices/s, a kill -9 every ~%.1f s (seed %d) ...%n",
                settings.seconds() / 60.0, settings.rateHz(), settings.meanKillSeconds(), settings.seed());
            out.flush();
            final Driver driver = new Driver(new DriverContext().console(deviceLog).runsDir(dir.resolve("runs")));
            final long startNs = System.nanoTime();
            final CompletableFuture<RunSummary> run = CompletableFuture.supplyAsync(() -> driver.run(compilation.plan()));
            final ChaosMonkey monkey = new ChaosMonkey(settings.seed(), settings.meanKillSeconds(), List.of("source"), List.of("spare"));
            final int processes = compilation.plan().processCount();
            monkey.killFor(TimeUnit.MILLISECONDS.toNanos(settings.millis()), () -> console.running() >= processes, run::isDone);
            driver.requestStop();
            boolean stalled = false;
            RunSummary summary;
            try
            {
                summary = run.get(DRAIN_LIMIT_SECONDS, TimeUnit.SECONDS);
            }
            catch (final TimeoutException ex)
            {
                stalled = true;
                out.printf(Locale.ROOT, "chaos: the run did not end within %d s of its stop: a stall; killing it%n", DRAIN_LIMIT_SECONDS);
                driver.requestKill();
                summary = run.join();
            }
            final Map<String, Double> r = figures(summary, monkey, stalled, (System.nanoTime() - startNs) / 1e9);
            for (final String line : monkey.log())
            {
                out.println("  " + line);
            }
            return r;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("chaos bench: " + ex.getMessage(), ex);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("chaos bench interrupted", ex);
        }
        catch (final ExecutionException ex)
        {
            throw new IllegalStateException("chaos run failed to run: " + ex.getCause(), ex.getCause());
        }
        finally
        {
            RunDirectories.deleteTree(dir);
        }
    }

    private Map<String, Double> figures(final RunSummary summary, final ChaosMonkey monkey, final boolean stalled, final double seconds)
    {
        final TimesliceTotals t = summary.timeslices();
        final Map<String, Double> r = new TreeMap<>();
        r.put("chaos.kills", (double)monkey.kills());
        r.put("chaos.produced", (double)t.produced());
        r.put("chaos.completed", (double)t.completed());
        r.put("chaos.dropped", (double)t.dropped());
        r.put("chaos.lost", (double)t.lost());
        // What the accounting does not explain: totals that do not add up, and losses no crash and no drop accounts for.
        r.put("chaos.unaccounted", (double)(t.produced() - t.completed() - t.dropped() - t.lost() + t.unexplained()));
        r.put("chaos.restarts", (double)summary.devices().stream().mapToLong(d -> d.restarts()).sum());
        r.put("chaos.stalled", stalled ? 1.0 : 0.0);
        r.put("chaos.failed", summary.status() == RunStatus.FAILED ? 1.0 : 0.0);
        r.put("chaos.leftoverProcesses", (double)Leftovers.deviceProcesses());
        r.put("chaos.leftoverShmBytes", (double)Leftovers.shmBytes(DriverContext.DEFAULT_SHM_ROOT.resolve("jdpl-" + summary.run())));
        r.put("wallSeconds", seconds);
        if (summary.failure() != null)
        {
            out.println("chaos run failed: " + summary.failure());
        }
        return r;
    }

    /** Whether the run held: every timeslice accounted for, no stall, no failure, nothing left behind. */
    public static boolean held(final Map<String, Double> r)
    {
        return r.get("chaos.unaccounted") == 0 && r.get("chaos.stalled") == 0 && r.get("chaos.failed") == 0 &&
            r.get("chaos.leftoverProcesses") == 0 && r.get("chaos.leftoverShmBytes") == 0 && r.get("chaos.produced") > 0;
    }

    public static void print(final Map<String, Double> r, final PrintWriter out)
    {
        out.printf(Locale.ROOT, "%-26s %14s%n", "key", "value");
        for (final Map.Entry<String, Double> e : r.entrySet())
        {
            out.printf(Locale.ROOT, e.getKey().equals("wallSeconds") ? "%-26s %14.1f%n" : "%-26s %,14.0f%n", e.getKey(), e.getValue());
        }
        out.println(held(r) ? "held: every timeslice accounted for, nothing left behind" :
            "NOT held: see chaos.unaccounted, chaos.stalled, chaos.failed and the leftovers above");
    }
}
