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
import org.jdpl.framework.driver.RunSummary;
import org.jdpl.framework.topology.Compilation;
import org.jdpl.framework.topology.TopologyCompiler;

/**
 * {@code dpl bench soak}: many timeframes through source → forwarder ×2 → checksum sink whose
 * payloads go through a payload segment smaller than the data in flight, so producers wait on it
 * all along. Reports what must hold after a long run: nothing lost, no segment bytes leaked, device
 * memory (RSS) stable from after warm-up to the end.
 */
public final class SoakBench
{
    private static final String TOPOLOGY = """
        shm { segment-size = %d, inline-max = 16K }
        devices {
          source { use = counter-source, options { timeslices = %d, payload-bytes = %d } }
          fwd    { use = forwarder, pipeline = 2 }
          sink   { use = checksum-sink }
        }
        """;
    private static final int PROCESSES = 4;

    private final long timeframes;
    private final long payloadBytes;
    private final long segmentBytes;
    private final PrintWriter out;

    public SoakBench(final long timeframes, final long payloadBytes, final long segmentBytes, final PrintWriter out)
    {
        this.timeframes = timeframes;
        this.payloadBytes = payloadBytes;
        this.segmentBytes = segmentBytes;
        this.out = out;
    }

    /** Runs the soak and returns its figures under the fixed key names. */
    public Map<String, Double> run()
    {
        final Path dir;
        try
        {
            dir = Files.createTempDirectory("jdpl-bench-soak");
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot create a bench directory: " + ex.getMessage(), ex);
        }
        try (PrintWriter deviceLog = new PrintWriter(Files.newBufferedWriter(dir.resolve("devices.log"), StandardCharsets.UTF_8), true))
        {
            final Path file = Files.writeString(dir.resolve("soak.conf"), TOPOLOGY.formatted(segmentBytes, timeframes, payloadBytes));
            final Compilation compilation = TopologyCompiler.compile(List.of(file), List.of(), DeviceCatalog.load());
            if (!compilation.ok())
            {
                throw new IllegalStateException("soak topology invalid:\n" + compilation.problemReport());
            }
            out.printf(Locale.ROOT, "soak: %,d timeframes of %,d B through a %,d B segment (%d processes) ...%n",
                timeframes, payloadBytes, segmentBytes, PROCESSES);
            out.flush();
            final RunSummary summary;
            final long startNs = System.nanoTime();
            try (RssSampler rss = new RssSampler(PROCESSES, 5_000))
            {
                summary = new Driver(new DriverContext().console(deviceLog).runsDir(dir.resolve("runs"))).run(compilation.plan());
                return figures(summary, rss, (System.nanoTime() - startNs) / 1e9);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("soak bench: " + ex.getMessage(), ex);
        }
        finally
        {
            RunDirectories.deleteTree(dir);
        }
    }

    private Map<String, Double> figures(final RunSummary summary, final RssSampler rss, final double seconds)
    {
        final Map<String, Double> r = new TreeMap<>();
        r.put("timeslices.produced", (double)summary.timeslices().produced());
        r.put("timeslices.completed", (double)summary.timeslices().completed());
        r.put("timeslices.lost", (double)(summary.timeslices().lost() + summary.timeslices().dropped()));
        r.put("segment.leakedBytes", summary.metrics().getOrDefault("segment.usedBytesAtEnd", -1.0));
        r.put("segment.reclaimedBlocks", summary.metrics().getOrDefault("segment.reclaimedBlocks", -1.0));
        r.put("segment.waits", summary.metrics().getOrDefault("segment.waits", 0.0));
        r.put("rss.startBytes", (double)rss.startBytes());
        r.put("rss.endBytes", (double)rss.endBytes());
        r.put("rssAnon.startBytes", (double)rss.startAnonBytes());
        r.put("rssAnon.endBytes", (double)rss.endAnonBytes());
        r.put("wallSeconds", seconds);
        r.put("timeframesPerSec", summary.timeslices().completed() / seconds);
        r.put("ok", summary.status() == org.jdpl.framework.driver.RunStatus.OK ? 1.0 : 0.0);
        if (summary.failure() != null)
        {
            out.println("soak run failed: " + summary.failure());
        }
        return r;
    }

    public static void print(final Map<String, Double> r, final PrintWriter out)
    {
        out.printf(Locale.ROOT, "timeslices        %,.0f produced, %,.0f completed, %,.0f lost or dropped%n",
            r.get("timeslices.produced"), r.get("timeslices.completed"), r.get("timeslices.lost"));
        out.printf(Locale.ROOT, "segment           %,.0f bytes still used at the end (leak), %,.0f blocks the Driver had to reclaim, %,.0f waits on a full segment%n",
            r.get("segment.leakedBytes"), r.get("segment.reclaimedBlocks"), r.get("segment.waits"));
        out.printf(Locale.ROOT, "device RSS        %.1f MB after warm-up, %.1f MB at the end (ratio %.2f)%n",
            r.get("rss.startBytes") / 1e6, r.get("rss.endBytes") / 1e6, r.get("rss.endBytes") / r.get("rss.startBytes"));
        out.printf(Locale.ROOT, "  of it private   %.1f MB after warm-up, %.1f MB at the end (ratio %.2f); the rest is shared mappings" +
            " (Aeron terms, segment) touched for the first time%n",
            r.get("rssAnon.startBytes") / 1e6, r.get("rssAnon.endBytes") / 1e6, r.get("rssAnon.endBytes") / r.get("rssAnon.startBytes"));
        out.printf(Locale.ROOT, "throughput        %,.0f timeframes/s over %.1f s%n", r.get("timeframesPerSec"), r.get("wallSeconds"));
    }
}
