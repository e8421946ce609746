package org.jdpl.tools.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.jdpl.gpu.service.ServiceRecord;
import org.jdpl.gpu.service.ServiceRegistry;

/** The GPU services registered beside the runs ({@code dpl serve}), as {@code dpl status} lists them; a dead one says so. */
final class ServiceTable
{
    private static final String COLUMNS = "%-20s %-16s %-6s %8s %9s %8s %8s %10s %12s %12s %10s%n";

    private ServiceTable()
    {
    }

    static void print(final PrintWriter out, final Path runsDir)
    {
        final List<ServiceRecord> services = new ServiceRegistry(runsDir).list();
        if (services.isEmpty())
        {
            return;
        }
        out.println();
        out.printf(COLUMNS, "service", "step", "status", "pid", "instances", "requests", "failures", "batch mean", "queue ms/req",
            "compute ms/req", "pool MiB");
        for (final ServiceRecord s : services)
        {
            final double answered = Math.max(1, s.counter("requests") + s.counter("failures"));
            out.printf(Locale.ROOT, COLUMNS, s.name(), s.step().deviceType(), s.alive() ? "live" : "dead", s.pid(), s.instances(),
                (long)s.counter("requests"), (long)s.counter("failures"), String.format(Locale.ROOT, "%.2f", s.counter("batchMean")),
                String.format(Locale.ROOT, "%.2f", s.counter("queueMs") / answered),
                String.format(Locale.ROOT, "%.2f", s.counter("computeMs") / answered),
                String.format(Locale.ROOT, "%.1f", s.counter("poolHighWaterBytes") / (1 << 20)));
        }
    }
}
