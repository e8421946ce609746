package org.jdpl.tools.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The results of {@link TransportBench} as a table with the ratios (jdpl against raw Aeron, hand-off
 * against memcpy), and as JSON: one flat object whose keys are the result names
 * ({@code aeron.msgsPerSec}, {@code handoff.268435456.medianMicros}, ...).
 */
public final class TransportBenchReport
{
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TransportBenchReport()
    {
    }

    public static void printTable(final Map<String, Double> r, final TransportBenchSettings settings, final PrintWriter out)
    {
        out.println();
        out.println("small messages (64 B)                     msgs/s");
        out.printf(Locale.ROOT, "  (a) raw Aeron IPC                 %,14.0f%n", r.get("aeron.msgsPerSec"));
        out.printf(Locale.ROOT, "  (a') raw Aeron IPC, 224 B         %,14.0f   (jdpl's wire size: O2 headers + 64 B)%n",
            r.get("aeron.wireSize.msgsPerSec"));
        out.printf(Locale.ROOT, "  (b) jdpl source -> sink           %,14.0f   (b)/(a) = %.2f  [target >= 0.5]   ratio.wireSize (b)/(a') = %.2f%n",
            r.get("jdpl.msgsPerSec"), r.get("ratio.small"), r.get("ratio.wireSize"));
        out.println();
        out.println("hand-off, allocation -> release (us)   median       p99   memcpy median   memcpy p99   hand-off/memcpy");
        for (final long size : settings.handoffSizes())
        {
            final double median = r.get("handoff." + size + ".medianMicros");
            final double copy = r.get("memcpy." + size + ".medianMicros");
            out.printf(Locale.ROOT, "  (c) %-10s                   %10.1f %9.1f   (e) %10.1f %12.1f   %10.4f%n", TransportBench.human(size),
                median, r.get("handoff." + size + ".p99Micros"), copy, r.get("memcpy." + size + ".p99Micros"), median / copy);
        }
        final long fanout = settings.fanoutSize();
        out.printf(Locale.ROOT, "  (d) fan-out 1->3, %-10s     %10.1f %9.1f   (slowest of the three consumers)%n", TransportBench.human(fanout),
            r.get("fanout3." + fanout + ".medianMicros"), r.get("fanout3." + fanout + ".p99Micros"));
        out.println();
        out.println("durable edge                              msgs/s   same edge over shared memory");
        for (final long size : new long[] {64, settings.chronicleLargeBytes()})
        {
            out.printf(Locale.ROOT, "  (f) chronicle, %-10s        %,14.0f   %,14.0f%n", TransportBench.human(size),
                r.get("chronicle." + size + ".msgsPerSec"), r.get("shm." + size + ".msgsPerSec"));
        }
        out.println();
        out.println("in-process ring (process group)         Agrona     LMAX Disruptor   Disruptor/Agrona");
        for (final String kind : new String[] {"", "ref."})
        {
            final double agrona = r.get("inprocess.agrona." + kind + "msgsPerSec");
            final double disruptor = r.get("inprocess.disruptor." + kind + "msgsPerSec");
            out.printf(Locale.ROOT, "  (g) %-28s %,14.0f %,14.0f   %10.2f%n", kind.isEmpty() ? "64 B payload" : "segment reference",
                agrona, disruptor, disruptor / agrona);
        }
        out.println();
        out.println("through the payload segment             msgs/s   (source -> sink, payload untouched)");
        for (final long size : TransportBench.SEGMENT_THROUGHPUT_SIZES)
        {
            out.printf(Locale.ROOT, "  (h) %-10s                 %,14.0f%n", TransportBench.human(size), r.get("segment." + size + ".msgsPerSec"));
        }
    }

    /** Writes any benchmark's figures as JSON, creating the file's directory. */
    public static void writeJson(final Map<String, ?> results, final Path file)
    {
        try
        {
            final Path parent = file.toAbsolutePath().getParent();
            if (parent != null)
            {
                Files.createDirectories(parent);
            }
            JSON.writeValue(file.toFile(), results);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write " + file + ": " + ex.getMessage(), ex);
        }
    }
}
