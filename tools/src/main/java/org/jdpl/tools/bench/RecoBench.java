package org.jdpl.tools.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jdpl.framework.driver.RunDirectories;

/**
 * {@code dpl bench reco}: the reconstruction chain at several densities, in real device processes.
 * Each density is one run of the chain on the simulator's events, one event a timeframe: a warm-up
 * event, then {@code events} more. Each device reports its processing time summed over timeslices
 * ({@code processMs}) and that of the first ({@code firstMs}), so the difference over {@code events} is
 * its warm ms per event. Quality figures come from the scorer (over every event of the run). The
 * simulator's own time is not counted: a reader or a detector would feed the chain instead.
 */
public final class RecoBench
{
    /** The chain's devices whose processing counts, in chain order, as named in the topology below. */
    static final List<String> DEVICES = List.of("cluster", "seeder", "finder", "fitter", "scorer");
    /** As topologies/reco-sim.conf, one event a timeframe. */
    private static final String TOPOLOGY = """
        devices {
          sim     { use = trackml-simulator, options { events = %d, events-per-timeframe = 1, particles-per-event = %d } }
          cluster { use = clusterizer }
          seeder  { use = seeder, options { tight-pt-min = 0.35, tight-d0-max = 2 } }
          finder  { use = track-finder }
          fitter  { use = track-fitter, options { uniform-field-half-length = 1e6 } }
          scorer  { use = trackml-scorer }
        }
        """;

    private final List<Integer> densities;
    private final int events;

    /**
     * @param densities particles an event, one point each, lowest first
     * @param events    events timed at each point, after the warm-up event
     */
    public RecoBench(final List<Integer> densities, final int events)
    {
        this.densities = List.copyOf(densities);
        this.events = events;
    }

    /**
     * Runs every point and returns the figures under the keys {@code reco.<particles>.msPerEvent.<device>},
     * {@code reco.<particles>.msPerEvent.total}, {@code reco.<particles>.score}, {@code .efficiency}, {@code .fakeRate},
     * {@code .duplicateRate}, {@code .hitsPerEvent} (over the run's events), and {@code reco.scaling} (total ms per hit at the highest
     * density over that at the lowest).
     *
     * @throws IllegalStateException when a run does not end cleanly (the message says where its logs are)
     */
    public Map<String, Object> run()
    {
        final Path dir;
        try
        {
            dir = Files.createTempDirectory("jdpl-bench-reco");
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot create a directory for the benchmark: " + ex.getMessage(), ex);
        }
        final Map<String, Object> r = new LinkedHashMap<>();
        r.put("reco.eventsPerPoint", events);
        boolean failed = true;
        try (TopologyBench bench = new TopologyBench(dir))
        {
            for (final int particles : densities)
            {
                final Map<String, Double> timed = bench.run(particles + " particles", TOPOLOGY.formatted(1 + events, particles));
                final String key = "reco." + particles + ".";
                double total = 0;
                for (final String device : DEVICES)
                {
                    final double ms = (timed.getOrDefault(device + ".processMs", 0.0) - timed.getOrDefault(device + ".firstMs", 0.0)) / events;
                    r.put(key + "msPerEvent." + device, ms);
                    total += ms;
                }
                r.put(key + "msPerEvent.total", total);
                // The simulator counts the hits (particles' and noise) of the events it made.
                r.put(key + "hitsPerEvent", timed.getOrDefault("sim.hits", Double.NaN) / timed.getOrDefault("sim.events", Double.NaN));
                r.put(key + "score", timed.getOrDefault("scorer.score", Double.NaN));
                r.put(key + "efficiency", timed.getOrDefault("scorer.efficiency", Double.NaN));
                r.put(key + "fakeRate", timed.getOrDefault("scorer.fakeRate", Double.NaN));
                r.put(key + "duplicateRate", timed.getOrDefault("scorer.duplicateRate", Double.NaN));
            }
            r.put("reco.scaling", msPerHit(r, densities.getLast()) / msPerHit(r, densities.getFirst()));
            failed = false;
            return r;
        }
        finally
        {
            // A failed run keeps its files: the message names the device log.
            if (!failed)
            {
                RunDirectories.deleteTree(dir);
            }
        }
    }

    private static double msPerHit(final Map<String, Object> r, final int particles)
    {
        return (Double)r.get("reco." + particles + ".msPerEvent.total") / (Double)r.get("reco." + particles + ".hitsPerEvent");
    }

    public static void print(final List<Integer> densities, final Map<String, Object> r, final PrintWriter out)
    {
        out.printf(Locale.ROOT, "%-10s %8s", "particles", "hits");
        for (final String device : DEVICES)
        {
            out.printf(Locale.ROOT, " %9s", device);
        }
        out.printf(Locale.ROOT, " %9s %7s %7s %7s %7s%n", "total ms", "score", "eff", "fake", "dup");
        for (final int particles : densities)
        {
            final String key = "reco." + particles + ".";
            out.printf(Locale.ROOT, "%-10d %8.0f", particles, (Double)r.get(key + "hitsPerEvent"));
            for (final String device : DEVICES)
            {
                out.printf(Locale.ROOT, " %9.1f", (Double)r.get(key + "msPerEvent." + device));
            }
            out.printf(Locale.ROOT, " %9.1f %7.4f %7.4f %7.4f %7.4f%n", (Double)r.get(key + "msPerEvent.total"), (Double)r.get(key + "score"),
                (Double)r.get(key + "efficiency"), (Double)r.get(key + "fakeRate"), (Double)r.get(key + "duplicateRate"));
        }
        out.printf(Locale.ROOT, "ms per event after a warm-up event, %s events a point; scaling (ms per hit at %d over at %d particles): %.2f%n",
            r.get("reco.eventsPerPoint"), densities.getLast(), densities.getFirst(), (Double)r.get("reco.scaling"));
    }
}
