package org.jdpl.tools.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jdpl.framework.driver.RunDirectories;
import org.jdpl.transport.MessageLayout;

/**
 * {@code dpl bench transport}: every step in real processes, baselines in the same invocation.
 * <ol type="a">
 *   <li>raw Aeron IPC, 64 B, publisher → subscriber, no framework ({@link AeronIpcBench});</li>
 *   <li>jdpl bench-source → bench-sink, one 64 B payload per timeslice;</li>
 *   <li>jdpl hand-offs through the payload segment, one at a time: median and p99 from allocation
 *       at the producer to the end of the consumer's call (its release);</li>
 *   <li>fan-out of one payload to three consumers (the slowest consumer's median and p99);</li>
 *   <li>memcpy of the same sizes in one process ({@link MemcpyBench});</li>
 *   <li>a durable (Chronicle) edge, 64 B and 1 MiB, beside the same edge over shared memory;</li>
 *   <li>the in-process ring of a process group, Agrona against LMAX Disruptor ({@link InProcessRingBench}),
 *       with a 64 B message and with a segment reference (what a 256 MiB payload sends);</li>
 *   <li>throughput through the payload segment, 1 MiB and 16 MiB (allocate, publish the reference,
 *       release at the consumer; the payload untouched).</li>
 * </ol>
 * Results are named by the JSON keys of the issue (see {@link TransportBenchReport}).
 */
public final class TransportBench
{
    /** A jdpl message of a 64-byte payload on the wire: the O2 header block, then the payload. */
    private static final int JDPL_SMALL_MESSAGE_BYTES = MessageLayout.PAYLOAD_OFFSET + 64;
    /** A jdpl message carrying a segment reference, whatever the payload's size (256 MiB in the issue). */
    private static final int JDPL_REF_MESSAGE_BYTES = MessageLayout.PAYLOAD_OFFSET + MessageLayout.SEGMENT_REF_PAYLOAD_BYTES;
    static final long[] SEGMENT_THROUGHPUT_SIZES = {1L << 20, 16L << 20};

    private final TransportBenchSettings settings;
    private final PrintWriter progress;
    private final Map<String, Double> results = new LinkedHashMap<>();

    public TransportBench(final TransportBenchSettings settings, final PrintWriter progress)
    {
        this.settings = settings;
        this.progress = progress;
    }

    /** Runs every step; returns the results by key, in measuring order. */
    public Map<String, Double> run()
    {
        final Path benchDir = createBenchDir();
        final Path shmDir = Path.of("/dev/shm", "jdpl-bench-" + ProcessHandle.current().pid());
        boolean ok = false;
        try (TopologyBench topologies = new TopologyBench(benchDir))
        {
            step("(a) raw Aeron IPC, 64 B", () -> results.put("aeron.msgsPerSec",
                AeronIpcBench.run(shmDir, settings.smallMessages(), AeronIpcBench.SMALL_MESSAGE_BYTES)));
            // The same with jdpl's wire size (O2 headers + 64 B): what the headers alone cost.
            step("(a') raw Aeron IPC, " + JDPL_SMALL_MESSAGE_BYTES + " B", () -> results.put("aeron.wireSize.msgsPerSec",
                AeronIpcBench.run(shmDir, settings.smallMessages(), JDPL_SMALL_MESSAGE_BYTES)));
            step("(b) jdpl source -> sink, 64 B", () -> small(topologies));
            for (final long size : settings.handoffSizes())
            {
                step("(c) hand-off of " + human(size), () -> handoff(topologies, size));
            }
            step("(d) fan-out 1 -> 3 of " + human(settings.fanoutSize()), () -> fanout(topologies));
            for (final long size : settings.handoffSizes())
            {
                step("(e) memcpy of " + human(size), () -> memcpy(size));
            }
            step("(f) durable edges", () -> durable(topologies));
            step("(g) in-process rings", this::inProcess);
            for (final long size : SEGMENT_THROUGHPUT_SIZES)
            {
                step("(h) segment throughput, " + human(size), () -> segmentThroughput(topologies, size));
            }
            results.put("ratio.small", results.get("jdpl.msgsPerSec") / results.get("aeron.msgsPerSec"));
            // The runner's share of the gap: jdpl against raw Aeron moving the same bytes (headers included).
            results.put("ratio.wireSize", results.get("jdpl.msgsPerSec") / results.get("aeron.wireSize.msgsPerSec"));
            ok = true;
        }
        finally
        {
            RunDirectories.deleteTree(shmDir);
            if (ok)
            {
                RunDirectories.deleteTree(benchDir);
            }
            else
            {
                progress.println("bench files kept in " + benchDir);
            }
        }
        return results;
    }

    private void small(final TopologyBench topologies)
    {
        final Map<String, Double> m = topologies.run("(b)", """
            devices {
              source { use = bench-source, options { timeslices = %d, payload-bytes = 64 } }
              sink   { use = bench-sink, idle = busy-spin }
            }
            """.formatted(settings.smallMessages()));
        results.put("jdpl.msgsPerSec", m.get("sink.msgsPerSec"));
    }

    private void handoff(final TopologyBench topologies, final long size)
    {
        final Map<String, Double> m = topologies.run("(c) " + size, """
            shm { segment-size = %d, inline-max = 16K }
            devices {
              source { use = bench-source, options { timeslices = %d, warmup = %d, payload-bytes = %d, interval-us = %d } }
              sink   { use = bench-sink, idle = busy-spin }
            }
            """.formatted(segmentSize(), settings.handoffs() + settings.warmupHandoffs(), settings.warmupHandoffs(), size,
            settings.handoffIntervalUs()));
        requireSegment(m, "source", "(c)");
        results.put("handoff." + size + ".medianMicros", m.get("sink.medianMicros"));
        results.put("handoff." + size + ".p99Micros", m.get("sink.p99Micros"));
    }

    private void fanout(final TopologyBench topologies)
    {
        final long size = settings.fanoutSize();
        final Map<String, Double> m = topologies.run("(d)", """
            shm { segment-size = %d, inline-max = 16K }
            devices {
              source { use = bench-source, options { timeslices = %d, warmup = %d, payload-bytes = %d, interval-us = %d } }
              a { use = bench-sink, idle = busy-spin }
              b { use = bench-sink, idle = busy-spin }
              c { use = bench-sink, idle = busy-spin }
            }
            """.formatted(segmentSize(), settings.handoffs() + settings.warmupHandoffs(), settings.warmupHandoffs(), size,
            settings.handoffIntervalUs()));
        requireSegment(m, "source", "(d)");
        double median = 0;
        double p99 = 0;
        for (final String sink : new String[] {"a", "b", "c"})
        {
            median = Math.max(median, m.get(sink + ".medianMicros"));
            p99 = Math.max(p99, m.get(sink + ".p99Micros"));
        }
        results.put("fanout3." + size + ".medianMicros", median);
        results.put("fanout3." + size + ".p99Micros", p99);
    }

    private void memcpy(final long size)
    {
        final double[] micros = MemcpyBench.measure(size);
        results.put("memcpy." + size + ".medianMicros", micros[0]);
        results.put("memcpy." + size + ".p99Micros", micros[1]);
    }

    private void durable(final TopologyBench topologies)
    {
        for (final long size : new long[] {64, settings.chronicleLargeBytes()})
        {
            final long messages = size == 64 ? settings.chronicleSmallMessages() : settings.chronicleLargeMessages();
            for (final boolean chronicle : new boolean[] {true, false})
            {
                final Map<String, Double> m = topologies.run("(f) " + size + (chronicle ? " chronicle" : " shm"), """
                    %s
                    devices {
                      source { use = bench-source, options { timeslices = %d, payload-bytes = %d } }
                      sink   { use = bench-sink, idle = busy-spin }
                    }
                    """.formatted(chronicle ? "channels { \"BNC/DATA\" = chronicle }" : "", messages, size));
                final String key = (chronicle ? "chronicle." : "shm.") + size + ".msgsPerSec";
                results.put(key, m.get("sink.msgsPerSec"));
            }
        }
        results.put("chronicle.msgsPerSec", results.get("chronicle.64.msgsPerSec"));
    }

    private void inProcess()
    {
        final long messages = settings.smallMessages();
        // Alternated, each twice, so that a burst of load from the rest of the machine does not pick the winner.
        for (int round = 0; round < 2; round++)
        {
            best("inprocess.agrona.msgsPerSec", InProcessRingBench.agrona(messages, JDPL_SMALL_MESSAGE_BYTES));
            best("inprocess.disruptor.msgsPerSec", InProcessRingBench.disruptor(messages, JDPL_SMALL_MESSAGE_BYTES));
            best("inprocess.agrona.ref.msgsPerSec", InProcessRingBench.agrona(messages, JDPL_REF_MESSAGE_BYTES));
            best("inprocess.disruptor.ref.msgsPerSec", InProcessRingBench.disruptor(messages, JDPL_REF_MESSAGE_BYTES));
        }
    }

    private void best(final String key, final double value)
    {
        results.merge(key, value, Math::max);
    }

    private void segmentThroughput(final TopologyBench topologies, final long size)
    {
        final Map<String, Double> m = topologies.run("(h) " + size, """
            shm { segment-size = %d, inline-max = 16K }
            devices {
              source { use = bench-source, options { timeslices = %d, payload-bytes = %d } }
              sink   { use = bench-sink, idle = busy-spin }
            }
            """.formatted(Math.max(64L << 20, 16 * size), settings.segmentMessages(), size));
        requireSegment(m, "source", "(h)");
        results.put("segment." + size + ".msgsPerSec", m.get("sink.msgsPerSec"));
    }

    private long segmentSize()
    {
        return Math.max(64L << 20, 3 * settings.largestPayload());
    }

    private static void requireSegment(final Map<String, Double> metrics, final String source, final String step)
    {
        final Double refs = metrics.get(source + ".segment.refsOut");
        if (refs == null || refs == 0)
        {
            throw new IllegalStateException("benchmark step " + step + " did not go through the payload segment: " + metrics);
        }
    }

    private void step(final String name, final Runnable body)
    {
        final long start = System.nanoTime();
        progress.printf("%-40s ...", name);
        progress.flush();
        body.run();
        progress.printf(" %.1f s%n", (System.nanoTime() - start) / 1e9);
    }

    private static Path createBenchDir()
    {
        try
        {
            return Files.createTempDirectory("jdpl-bench-");
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot create a directory for the benchmark: " + ex.getMessage(), ex);
        }
    }

    static String human(final long bytes)
    {
        if (bytes >= 1L << 30 && bytes % (1L << 30) == 0)
        {
            return (bytes >> 30) + " GiB";
        }
        if (bytes >= 1L << 20 && bytes % (1L << 20) == 0)
        {
            return (bytes >> 20) + " MiB";
        }
        if (bytes >= 1L << 10 && bytes % (1L << 10) == 0)
        {
            return (bytes >> 10) + " KiB";
        }
        return bytes + " B";
    }
}
