package org.jdpl.tools.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.jdpl.framework.counters.CountersSnapshot;
import org.jdpl.framework.counters.RunCountersFile;
import org.jdpl.tools.view.EdgeRow;
import org.jdpl.tools.view.PickedRun;
import org.jdpl.tools.view.ReplicaRow;
import org.jdpl.tools.view.RunEntry;
import org.jdpl.tools.view.RunView;
import org.jdpl.tools.view.Units;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code dpl status [RUN] [--list]}: one run's devices (without RUN the one {@link org.jdpl.tools.view.RunLocator#pick}
 * chooses), or with {@code --list} the runs in the runs directory. A running run is
 * read from its live counters (two readings {@link #RATE_INTERVAL_MS} apart, for rates); a
 * finished one from its summary.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {"A run's devices and replicas: state, rates, p50/p99 processing time, back-pressure %, CPU, RSS",
        "(live while it runs). Without RUN: the live run if exactly one is, else the most recent (named on the first line).",
        "--list: the running and recent runs."})
final class StatusCommand implements Callable<Integer>
{
    static final long RATE_INTERVAL_MS = 500;
    /** The first column of a multi-host run's tables. */
    private static final String HOST_COLUMN = "%-13s ";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    CommandSpec spec;

    @Mixin
    RunsDirMixin runs;

    @Parameters(arity = "0..1", paramLabel = "RUN",
        description = "A run id (or a unique prefix of it). Without it: the live run if exactly one is, else the most recent.")
    String run;

    @Option(names = "--list", description = "List the runs (running ones marked) instead of showing one.")
    boolean list;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() throws Exception
    {
        final PrintWriter out = spec.commandLine().getOut();
        if (list && run != null)
        {
            throw new UserError("give RUN or --list, not both");
        }
        final PickedRun picked = list || run != null ? null : runs.locator().pick();
        if (list || run == null && picked == null)
        {
            listRuns(out, runs.locator().list());
            return ExitCode.OK;
        }
        if (picked != null)
        {
            // Named first; with --json on stderr, so that stdout stays one JSON document.
            (json ? spec.commandLine().getErr() : out).println(picked.notice());
        }
        final RunEntry entry = picked != null ? picked.entry() : runs.locator().find(run);
        if (entry.running())
        {
            final RunView view = liveView(entry);
            if (view != null)
            {
                printLive(out, entry, view);
                printServices(out);
                return ExitCode.OK;
            }
        }
        printFinished(out, entry);
        printServices(out);
        return ExitCode.OK;
    }

    /** The GPU services beside the runs, under the run's table (none: nothing). */
    private void printServices(final PrintWriter out)
    {
        if (!json)
        {
            ServiceTable.print(out, runs.locator().runsDir());
        }
    }

    /** Two readings of the run's counters; null when they are gone (the run just ended). */
    static RunView liveView(final RunEntry entry) throws InterruptedException
    {
        try (RunCountersFile counters = RunCountersFile.open(entry.countersFile()))
        {
            final CountersSnapshot first = CountersSnapshot.read(counters);
            TimeUnit.MILLISECONDS.sleep(RATE_INTERVAL_MS); // the interval rates are measured over
            return RunView.of(entry.manifest().plan(), first, CountersSnapshot.read(counters));
        }
        catch (final IOException ex)
        {
            return null;
        }
    }

    private void listRuns(final PrintWriter out, final List<RunEntry> entries) throws IOException
    {
        if (json)
        {
            final List<Map<String, Object>> list = new ArrayList<>();
            for (final RunEntry e : entries)
            {
                final Map<String, Object> m = new LinkedHashMap<>();
                m.put("run", e.id());
                m.put("status", e.status());
                m.put("runDir", e.dir().toString());
                m.put("driverPid", e.manifest().driverPid());
                m.put("processes", e.manifest().plan().processCount());
                list.add(m);
            }
            out.println(JSON.writeValueAsString(list));
            return;
        }
        if (entries.isEmpty())
        {
            out.println("no runs in " + runs.locator().runsDir().toAbsolutePath());
            ServiceTable.print(out, runs.locator().runsDir());
            return;
        }
        // Multi-host runs' ids are longer (cluster-<time>-<pid>).
        final int idWidth = Math.max(22, entries.stream().mapToInt(e -> e.id().length()).max().orElse(0));
        final String columns = "%-" + idWidth + "s %-11s %9s %10s  %s%n";
        out.printf(columns, "run", "status", "processes", "timeframes", "devices");
        for (final RunEntry e : entries)
        {
            final JsonNode totals = e.summary() == null ? null : e.summary().path("timeslices");
            final String done = totals == null || totals.isMissingNode() ? "-" : Long.toString(totals.path("completed").asLong());
            final String devices = String.join(",", e.manifest().plan().devices().stream().map(d -> d.name()).toList());
            out.printf(columns, e.id(), e.status(), e.manifest().plan().processCount(), done,
                devices.length() > 40 ? devices.substring(0, 37) + "..." : devices);
        }
        ServiceTable.print(out, runs.locator().runsDir());
    }

    private void printLive(final PrintWriter out, final RunEntry entry, final RunView view) throws IOException
    {
        if (json)
        {
            final Map<String, Object> m = new LinkedHashMap<>();
            m.put("run", entry.id());
            m.put("status", entry.status());
            m.put("produced", view.produced());
            m.put("done", view.done());
            m.put("inFlight", view.inFlight());
            m.put("donePerSecond", view.donePerSecond());
            m.put("replicas", view.replicas());
            m.put("edges", view.edges());
            out.println(JSON.writeValueAsString(m));
            return;
        }
        out.printf("run %s: running; %d timeframes done (%s/s), %d in flight%n", entry.id(), view.done(),
            Units.rate(view.donePerSecond()), view.inFlight());
        final boolean hosts = entry.manifest().plan().placement().spansHosts();
        out.printf((hosts ? HOST_COLUMN : "") + "%-18s %-12s %9s %7s %7s %7s %7s %5s %6s %6s%n",
            withHost(hosts, "host", "replica", "state", "tf in", "in/s", "out/s", "p50", "p99", "bp%", "cpu%", "rss"));
        for (final ReplicaRow r : view.replicas())
        {
            out.printf(Locale.ROOT, (hosts ? HOST_COLUMN : "") + "%-18s %-12s %9d %7s %7s %7s %7s %5.1f %6.1f %6s%n",
                withHost(hosts, r.hostColumn(), r.label(), r.state() + (r.paused() ? "(p)" : ""), r.timeslicesIn(), Units.rate(r.inPerSecond()),
                Units.rate(r.outPerSecond()), Units.nanos(r.p50Nanos()), Units.nanos(r.p99Nanos()), r.bpPercent(),
                r.cpuPercent(), Units.bytes(r.rssBytes())));
        }
        for (final EdgeRow e : view.edges())
        {
            out.printf(Locale.ROOT, "edge %s -> %s: %s msg/s, %.2f MB/s (%d sent)%n", e.from(), e.to(),
                Units.rate(e.perSecond()), e.mbPerSecond(), e.messages());
        }
    }

    /** The columns of a row, without its first (the host) unless the run spans hosts. */
    private static Object[] withHost(final boolean hosts, final Object host, final Object... rest)
    {
        if (!hosts)
        {
            return rest;
        }
        final Object[] all = new Object[rest.length + 1];
        all[0] = host;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private void printFinished(final PrintWriter out, final RunEntry entry) throws IOException
    {
        if (json)
        {
            final Map<String, Object> m = new LinkedHashMap<>();
            m.put("run", entry.id());
            m.put("status", entry.status());
            m.put("summary", entry.summary());
            out.println(JSON.writeValueAsString(m));
            return;
        }
        if (entry.summary() == null)
        {
            out.printf("run %s: %s: its Driver (pid %d) is gone and left no summary; `dpl logs %s` shows what it did%n",
                entry.id(), entry.status(), entry.manifest().driverPid(), entry.id());
            return;
        }
        final JsonNode s = entry.summary();
        if (s.has("hosts"))
        {
            printFinishedHosts(out, entry, s);
            return;
        }
        out.printf("run %s: %s in %.1f s; %d timeframes produced, %d completed%n", entry.id(), entry.status(),
            s.path("wallSeconds").asDouble(), s.path("timeslices").path("produced").asLong(),
            s.path("timeslices").path("completed").asLong());
        out.printf("%-18s %-9s %-28s %9s %9s %7s%n", "replica", "state", "exit", "tf in", "tf out", "errors");
        for (final JsonNode d : s.path("devices"))
        {
            out.printf("%-18s %-9s %-28s %9d %9d %7d%n", d.path("name").asText() + "#" + d.path("replica").asInt(),
                d.path("state").asText(), d.path("exit").asText(), d.path("timeslicesIn").asLong(),
                d.path("timeslicesOut").asLong(), d.path("errors").asLong());
        }
        if (!s.path("failure").isNull() && !s.path("failure").isMissingNode())
        {
            out.println("failure: " + s.path("failure").asText());
        }
    }

    /** A multi-host run's summary: each host's devices, from the summary its agent wrote. */
    private static void printFinishedHosts(final PrintWriter out, final RunEntry entry, final JsonNode s)
    {
        out.printf("run %s: %s on %d hosts; %d timeframes produced, %d completed%n", entry.id(), entry.status(), s.path("hosts").size(),
            s.path("timeslices").path("produced").asLong(), s.path("timeslices").path("completed").asLong());
        out.printf(HOST_COLUMN + "%-18s %-9s %-28s %9s %9s %7s%n", "host", "replica", "state", "exit", "tf in", "tf out", "errors");
        for (final JsonNode host : s.path("hosts"))
        {
            if (host.path("summary").isNull() || host.path("summary").isMissingNode())
            {
                out.printf(HOST_COLUMN + "no summary (agent exit %d); see %s%n", host.path("host").asText(),
                    host.path("exitCode").asInt(), host.path("log").asText());
                continue;
            }
            for (final JsonNode d : host.path("summary").path("devices"))
            {
                out.printf(HOST_COLUMN + "%-18s %-9s %-28s %9d %9d %7d%n", host.path("host").asText(),
                    d.path("name").asText() + "#" + d.path("replica").asInt(), d.path("state").asText(), d.path("exit").asText(),
                    d.path("timeslicesIn").asLong(), d.path("timeslicesOut").asLong(), d.path("errors").asLong());
            }
        }
        if (!s.path("failure").isNull() && !s.path("failure").isMissingNode())
        {
            out.println("failure: " + s.path("failure").asText());
        }
    }
}
