package org.jdpl.framework.driver;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Writes a {@link RunSummary} as a console table and as JSON. */
public final class SummaryPrinter
{
    private static final int LOSSES_SHOWN = 5;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SummaryPrinter()
    {
    }

    public static void writeJson(final RunSummary summary, final Path file)
    {
        try
        {
            final Path parent = file.toAbsolutePath().getParent();
            if (parent != null)
            {
                Files.createDirectories(parent);
            }
            JSON.writeValue(file.toFile(), summary);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write the summary to " + file + ": " + ex.getMessage(), ex);
        }
    }

    /** The accounting line and the first losses; for a host's part of a run across hosts, where it is done instead. */
    public static void printTimeslices(final TimesliceTotals t, final PrintWriter out)
    {
        if (t == null)
        {
            out.println("timeslices: accounted for on the launching host, across every host");
            return;
        }
        out.printf(Locale.ROOT, "timeslices: %d produced, %d completed, %d dropped, %d lost%n", t.produced(), t.completed(), t.dropped(), t.lost());
        final int shown = Math.min(t.losses().size(), LOSSES_SHOWN);
        for (int i = 0; i < shown; i++)
        {
            final TimesliceLoss loss = t.losses().get(i);
            out.printf(Locale.ROOT, "  timeslice %d at %s: %s%n", loss.timeslice(), loss.device(), loss.reason());
        }
        final long more = t.losses().size() - shown + t.lossesNotListed();
        if (more > 0)
        {
            out.printf(Locale.ROOT, "  ... and %d more (all listed in summary.json, up to %d)%n", more, TimesliceAccounting.MAX_LISTED);
        }
    }

    public static void printTable(final RunSummary summary, final PrintWriter out)
    {
        out.printf(Locale.ROOT, "%nrun %s: %s in %.1f s (%s)%n", summary.run(), summary.status().text(), summary.wallSeconds(), summary.runDir());
        out.printf(Locale.ROOT, "%-20s %-18s %8s %-20s %10s %10s %10s %10s %6s%n",
            "device", "type", "pid", "exit", "tf in", "tf out", "MB in", "MB out", "errors");
        for (final DeviceSummary d : summary.devices())
        {
            out.printf(Locale.ROOT, "%-20s %-18s %8d %-20s %10d %10d %10.1f %10.1f %6d%n",
                d.name() + "#" + d.replica(), d.type(), d.pid(), d.exit(), d.timeslicesIn(), d.timeslicesOut(),
                d.bytesIn() / 1e6, d.bytesOut() / 1e6, d.errors());
        }
        printProcesses(summary, out);
        printTimeslices(summary.timeslices(), out);
        if (!summary.metrics().isEmpty())
        {
            final StringBuilder line = new StringBuilder("metrics:");
            for (final Map.Entry<String, Double> e : summary.metrics().entrySet())
            {
                line.append(' ').append(e.getKey()).append('=').append(format(e.getValue()));
            }
            out.println(line);
        }
        for (final String gpu : summary.gpus())
        {
            out.println("gpu: " + gpu);
        }
        for (final String incident : summary.incidents())
        {
            out.println("incident: " + incident);
        }
        if (summary.failure() != null)
        {
            out.println("failure: " + summary.failure());
        }
    }

    /** Only when some process holds several devices: otherwise the device table says it all. */
    private static void printProcesses(final RunSummary summary, final PrintWriter out)
    {
        if (summary.processes().size() == summary.devices().size())
        {
            return;
        }
        out.printf(Locale.ROOT, "%-20s %8s %10s  %s%n", "process", "pid", "RSS max MB", "devices");
        for (final ProcessSummary p : summary.processes())
        {
            out.printf(Locale.ROOT, "%-20s %8d %10.1f  %s%n", p.name(), p.pid(), p.rssMaxBytes() / 1e6, String.join(" ", p.devices()));
        }
        out.printf(Locale.ROOT, "%d processes for %d device replicas, RSS max %.1f MB in all%n", summary.processes().size(),
            summary.devices().size(), summary.rssMaxBytesTotal() / 1e6);
    }

    private static String format(final double value)
    {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ?
            Long.toString((long)value) : String.format(Locale.ROOT, "%.4g", value);
    }
}
