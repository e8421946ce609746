package org.jdpl.tools.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jdpl.devices.reco.qc.QcHistograms;
import org.jdpl.framework.journal.JournalEntry;
import org.jdpl.framework.plan.Plan;
import org.jdpl.framework.plan.PlannedDevice;
import org.jdpl.framework.run.RunLayout;
import org.jdpl.tools.view.TimeSeriesReader.EdgeValues;
import org.jdpl.tools.view.TimeSeriesReader.ReplicaValues;
import org.jdpl.tools.view.TimeSeriesReader.Sample;
import org.jdpl.tools.view.RunEntry;
import org.jdpl.tools.view.TimeSeriesReader;
import org.jdpl.tools.view.RunJournals;

/**
 * Everything the report shows of one run, gathered from its directory: the summary (absent when the Driver was killed:
 * the states then come from the last sample), the time series, the QC devices' histograms (every replica's file, on
 * every host, merged per device), each replica's last log lines and the Driver's events from the journal (or, when the
 * journal cannot be read, the log files). Works on a run still going: it shows what was written so far.
 */
final class RunReport
{
    static final int LOG_LINES = 15;
    static final int DRIVER_EVENTS = 60;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode data;
    private final String graphSvg;

    private RunReport(final ObjectNode data, final String graphSvg)
    {
        this.data = data;
        this.graphSvg = graphSvg;
    }

    ObjectNode data()
    {
        return data;
    }

    String graphSvg()
    {
        return graphSvg;
    }

    static RunReport of(final RunEntry run) throws IOException
    {
        final Plan plan = run.manifest().plan();
        final List<Sample> samples = TimeSeriesReader.read(RunLayout.timeSeries(run.dir()));
        final ObjectNode data = JSON.createObjectNode();
        data.put("run", run.id());
        data.put("status", run.status());
        final JsonNode summary = run.summary();
        if (summary != null)
        {
            data.set("wallSeconds", summary.path("wallSeconds"));
            data.set("failure", summary.path("failure"));
            data.set("incidents", summary.path("incidents"));
            data.set("timeslices", summary.path("timeslices"));
            if (summary.has("hosts"))
            {
                data.set("hosts", summary.path("hosts"));
            }
        }
        data.put("samples", samples.size());
        final Map<String, String> replicaStates = replicaStates(summary, samples);
        data.set("replicas", replicas(plan, summary, samples, replicaStates));
        data.set("series", ReportSeries.of(plan, samples));
        data.set("qc", qc(run.dir()));
        readJournal(run, data);
        final String svg = TopologySvg.draw(plan, deviceStates(plan, replicaStates), edgeTotals(samples));
        return new RunReport(data, svg);
    }

    /** Each replica's state at the end: the last sample's (it reads the counters the devices wrote last), else the summary's. */
    private static Map<String, String> replicaStates(final JsonNode summary, final List<Sample> samples)
    {
        final Map<String, String> states = new LinkedHashMap<>();
        if (summary != null)
        {
            summary.path("devices").forEach(d -> states.put(d.path("name").asText() + "#" + d.path("replica").asInt(), d.path("state").asText()));
        }
        if (!samples.isEmpty())
        {
            samples.getLast().replicas().forEach(r -> states.put(r.label(), r.state()));
        }
        return states;
    }

    /** The worst of a device's replicas: failed, then not ended, then ended. */
    private static Map<String, String> deviceStates(final Plan plan, final Map<String, String> replicaStates)
    {
        final Map<String, String> states = new LinkedHashMap<>();
        for (final PlannedDevice d : plan.devices())
        {
            String worst = null;
            for (int r = 0; r < d.replicas(); r++)
            {
                final String s = replicaStates.get(d.name() + "#" + r);
                if (s != null && (worst == null || rank(s) > rank(worst)))
                {
                    worst = s;
                }
            }
            if (worst != null)
            {
                states.put(d.name(), worst);
            }
        }
        return states;
    }

    private static int rank(final String state)
    {
        return switch (state)
        {
            case "FAILED" -> 3;
            case "STOPPED" -> 1;
            default -> 2;
        };
    }

    private static ArrayNode replicas(final Plan plan, final JsonNode summary, final List<Sample> samples, final Map<String, String> states)
    {
        final Map<String, JsonNode> ended = new LinkedHashMap<>();
        if (summary != null)
        {
            summary.path("devices").forEach(d -> ended.put(d.path("name").asText() + "#" + d.path("replica").asInt(), d));
        }
        final ArrayNode rows = JSON.createArrayNode();
        for (final PlannedDevice d : plan.devices())
        {
            for (int r = 0; r < d.replicas(); r++)
            {
                final String label = d.name() + "#" + r;
                final ObjectNode row = rows.addObject();
                row.put("replica", label).put("type", d.type()).put("host", plan.placement().hostOf(d.name(), r));
                row.put("state", states.getOrDefault(label, "UNKNOWN"));
                final JsonNode end = ended.get(label);
                final ReplicaValues last = samples.isEmpty() ? null : lastOf(samples.getLast(), label);
                if (end != null)
                {
                    row.put("exit", end.path("exit").asText());
                    row.put("timeslicesIn", end.path("timeslicesIn").asLong()).put("timeslicesOut", end.path("timeslicesOut").asLong());
                    row.put("restarts", end.path("restarts").asLong());
                }
                else if (last != null)
                {
                    row.put("exit", "no summary (last sample)");
                    row.put("timeslicesIn", last.get("TIMESLICES_IN")).put("timeslicesOut", last.get("TIMESLICES_OUT"));
                    row.put("restarts", last.get("RESTARTS"));
                }
            }
        }
        return rows;
    }

    private static ReplicaValues lastOf(final Sample s, final String label)
    {
        return s.replicas().stream().filter(r -> r.label().equals(label)).findFirst().orElse(null);
    }

    /** What each edge (producer to consumer device) carried by the last sample, all replicas and inputs together. */
    private static Map<String, TopologySvg.EdgeTotals> edgeTotals(final List<Sample> samples)
    {
        final Map<String, long[]> sums = new LinkedHashMap<>();
        if (!samples.isEmpty())
        {
            for (final EdgeValues e : samples.getLast().edges())
            {
                final int dot = e.consumer().lastIndexOf('.');
                final String consumer = dot < 0 ? e.consumer() : e.consumer().substring(0, dot);
                final long[] sum = sums.computeIfAbsent(e.device() + "->" + consumer, k -> new long[2]);
                sum[0] += e.messages();
                sum[1] += e.bytes();
            }
        }
        final Map<String, TopologySvg.EdgeTotals> totals = new LinkedHashMap<>();
        sums.forEach((k, v) -> totals.put(k, new TopologySvg.EdgeTotals(v[0], v[1])));
        return totals;
    }

    /** Every QC file of the run ({@code qc/<device>.<replica>.json}, here and under each host's directory), merged per device. */
    private static ArrayNode qc(final Path runDir) throws IOException
    {
        final Map<String, QcHistograms> byDevice = new TreeMap<>();
        final Map<String, Integer> files = new TreeMap<>();
        for (final Path file : filesNamed(runDir, "qc", ".json"))
        {
            final String name = file.getFileName().toString();
            final String device = name.substring(0, name.lastIndexOf('.', name.length() - ".json".length() - 1));
            final QcHistograms one;
            try
            {
                one = QcHistograms.read(JSON.readTree(file.toFile()));
            }
            catch (final IOException | IllegalArgumentException ex)
            {
                continue; // being written when the Driver was killed: the other replicas' still show
            }
            byDevice.computeIfAbsent(device, k -> new QcHistograms()).add(one);
            files.merge(device, 1, Integer::sum);
        }
        final ArrayNode qc = JSON.createArrayNode();
        byDevice.forEach((device, h) ->
        {
            final ObjectNode node = h.toJson();
            node.put("device", device).put("files", files.get(device));
            qc.add(node);
        });
        return qc;
    }

    /** Files {@code <dir>/*<suffix>} of the run directory and of each host's run directory in a multi-host run. */
    static List<Path> filesNamed(final Path runDir, final String dir, final String suffix) throws IOException
    {
        final List<Path> dirs = new ArrayList<>();
        dirs.add(runDir.resolve(dir));
        final Path hosts = runDir.resolve("hosts");
        if (Files.isDirectory(hosts))
        {
            try (Stream<Path> found = Files.find(hosts, 4, (p, a) -> a.isDirectory() && p.getFileName().toString().equals(dir)))
            {
                dirs.addAll(found.toList());
            }
        }
        final List<Path> files = new ArrayList<>();
        for (final Path d : dirs)
        {
            if (Files.isDirectory(d))
            {
                try (Stream<Path> list = Files.list(d))
                {
                    list.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().forEach(files::add);
                }
            }
        }
        return files;
    }

    /** Each replica's last log lines and the Driver's last events, from the journal; from the log files when it cannot be read. */
    private static void readJournal(final RunEntry run, final ObjectNode data) throws IOException
    {
        final Map<String, Deque<String>> logs = new TreeMap<>();
        final Deque<String> events = new ArrayDeque<>();
        try (RunJournals journals = RunJournals.open(run))
        {
            while (journals.poll(e -> keep(e, logs, events), 1000) > 0)
            {
                // read to the end
            }
        }
        catch (final IOException | RuntimeException | LinkageError ex)
        {
            events.add("(the journal could not be read: " + ex.getMessage() + "; log lines come from the log files)");
            logs.clear();
            for (final Path file : filesNamed(run.dir(), "logs", ".log"))
            {
                final List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                final String name = file.getFileName().toString().replaceFirst("\\.log$", "");
                final int dot = name.lastIndexOf('.');
                logs.put(dot < 0 ? name : name.substring(0, dot) + "#" + name.substring(dot + 1),
                    new ArrayDeque<>(lines.subList(Math.max(0, lines.size() - LOG_LINES), lines.size())));
            }
        }
        final ObjectNode logNode = data.putObject("logs");
        logs.forEach((replica, lines) -> lines.forEach(logNode.withArray(replica)::add));
        final ArrayNode eventNode = data.putArray("events");
        events.forEach(eventNode::add);
    }

    private static void keep(final JournalEntry e, final Map<String, Deque<String>> logs, final Deque<String> events)
    {
        if (e.kind() == JournalEntry.Kind.LOG)
        {
            final Deque<String> lines = logs.computeIfAbsent(RunJournals.replicaOf(e.source()), k -> new ArrayDeque<>());
            lines.add(e.text());
            if (lines.size() > LOG_LINES)
            {
                lines.removeFirst();
            }
        }
        else if (e.kind() == JournalEntry.Kind.EVENT)
        {
            events.add(e.format());
            if (events.size() > DRIVER_EVENTS)
            {
                events.removeFirst();
            }
        }
    }
}
