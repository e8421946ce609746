package org.jdpl.framework.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.jdpl.framework.counters.CounterType;
import org.jdpl.framework.counters.CountersSnapshot;
import org.jdpl.framework.counters.ReplicaSample;
import org.jdpl.framework.plan.Plan;
import org.jdpl.framework.plan.PlannedDevice;
import org.jdpl.framework.run.CompletionBits;
import org.jdpl.framework.run.DeviceExitCode;
import org.jdpl.framework.run.DeviceReport;
import org.jdpl.framework.run.RunLayout;
import org.jdpl.framework.runner.RunFiles;

/**
 * Builds the {@link RunSummary} from the plan, the processes' exits and the reports the device
 * processes wrote. A replica that left no report (killed, crashed) shows what the Driver saw.
 */
final class SummaryBuilder
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private SummaryBuilder()
    {
    }

    static RunSummary build(
        final String runId,
        final Path runDir,
        final Path shmDir,
        final Plan plan,
        final List<DeviceProcess> processes,
        final RunStatus status,
        final String failure,
        final List<String> incidents,
        final List<String> crashes,
        final CountersSnapshot live,
        final double wallSeconds)
    {
        final List<DeviceSummary> devices = new ArrayList<>();
        final Map<String, Double> metrics = new TreeMap<>();
        final TimesliceAccounting accounting = new TimesliceAccounting(plan, crashes);
        for (final PlannedDevice device : plan.devices())
        {
            for (final DeviceProcess p : processes)
            {
                if (!p.device().equals(device.name()))
                {
                    continue;
                }
                final DeviceReport report = withKeptCompletions(readReport(runDir, p, live), runDir, shmDir, p);
                devices.add(summarise(device, p, report));
                accounting.add(device.name(), report);
                if (report != null)
                {
                    addMetrics(metrics, device.name(), report.metrics());
                }
            }
        }
        // One host sees only its part of the timeslices' way; the launching host accounts for them across hosts.
        final TimesliceTotals totals = plan.placement().spansHosts() ? null : accounting.totals();
        return new RunSummary(runId, status, wallSeconds, failure, incidents, runDir.toString(), devices, totals, metrics,
            GpuLines.of(plan), processes(processes));
    }

    /** One entry per JVM, in start order; the members of a group share theirs. */
    private static List<ProcessSummary> processes(final List<DeviceProcess> processes)
    {
        final Map<ChildJvm, List<String>> members = new LinkedHashMap<>();
        final Map<ChildJvm, DeviceProcess> first = new LinkedHashMap<>();
        for (final DeviceProcess p : processes)
        {
            members.computeIfAbsent(p.jvm(), jvm -> new ArrayList<>()).add(p.label());
            first.putIfAbsent(p.jvm(), p);
        }
        final List<ProcessSummary> summaries = new ArrayList<>();
        for (final Map.Entry<ChildJvm, List<String>> entry : members.entrySet())
        {
            final ChildJvm jvm = entry.getKey();
            final DeviceProcess p = first.get(jvm);
            summaries.add(new ProcessSummary(jvm.label(), p.group() == null ? null : p.group().name(), jvm.pid(),
                List.copyOf(entry.getValue()), jvm.rssMaxBytes()));
        }
        return List.copyOf(summaries);
    }

    private static DeviceSummary summarise(final PlannedDevice device, final DeviceProcess p, final DeviceReport r)
    {
        final String state = r != null ? r.state() : p.exitCode() == DeviceExitCode.OK ? "STOPPED" : "FAILED";
        return new DeviceSummary(
            device.name(), device.type(), p.replica(), p.pid(), p.exitCode(), DeviceExitCode.describe(p.exitCode()), state,
            r == null ? 0 : r.timeslicesIn(), r == null ? 0 : r.timeslicesOut(),
            r == null ? 0 : r.bytesIn(), r == null ? 0 : r.bytesOut(),
            r == null ? 0 : r.timeslicesDropped(), r == null ? (p.exitCode() == 0 ? 0 : 1) : r.errors(),
            p.restarts(), r == null ? 0 : r.backPressureNanos() / 1e9);
    }

    /** Replicas of one device add up: their metrics count disjoint timeslices. */
    private static void addMetrics(final Map<String, Double> metrics, final String device, final Map<String, Double> own)
    {
        if (own == null)
        {
            return;
        }
        for (final Map.Entry<String, Double> e : own.entrySet())
        {
            metrics.merge(device + "." + e.getKey(), e.getValue(), Double::sum);
        }
    }

    /**
     * The report with every timeslice the replica completed in any of its incarnations (a sink's
     * {@link CompletionBits}: a killed one wrote no report, a restarted one reports only its own),
     * written back to its file so that the launching host of a run across hosts reads the same.
     */
    private static DeviceReport withKeptCompletions(final DeviceReport report, final Path runDir, final Path shmDir, final DeviceProcess p)
    {
        final BitSet kept = CompletionBits.read(RunLayout.completions(shmDir, p.device(), p.replica()));
        if (report == null || kept.isEmpty())
        {
            return report;
        }
        final List<Long> own = report.completedRanges() == null ? List.of() : report.completedRanges();
        for (int i = 0; i + 1 < own.size(); i += 2)
        {
            kept.set((int)(long)own.get(i), (int)(long)own.get(i + 1) + 1);
        }
        final List<Long> ranges = new ArrayList<>();
        for (int from = kept.nextSetBit(0); from >= 0; )
        {
            final int end = kept.nextClearBit(from);
            ranges.add((long)from);
            ranges.add((long)end - 1);
            from = kept.nextSetBit(end);
        }
        final DeviceReport merged = new DeviceReport(report.device(), report.replica(), report.state(), report.timeslicesIn(),
            report.timeslicesOut(), report.bytesIn(), report.bytesOut(), report.timeslicesDropped(), report.errors(),
            report.backPressureNanos(), report.failure(), report.metrics(), List.copyOf(ranges), report.drops());
        try
        {
            RunFiles.writeReport(RunLayout.report(runDir, p.device(), p.replica()), merged);
        }
        catch (final IOException ex)
        {
            // The summary here has them all; only a launching host reading this file would miss those of dead incarnations.
        }
        return merged;
    }

    /**
     * The replica's own report; for one that died without writing it, what its live counters last
     * showed (at most half a second old): enough to know what a dead source produced.
     */
    private static DeviceReport readReport(final Path runDir, final DeviceProcess p, final CountersSnapshot live)
    {
        final Path file = RunLayout.report(runDir, p.device(), p.replica());
        if (Files.isRegularFile(file))
        {
            try
            {
                return JSON.readValue(file.toFile(), DeviceReport.class);
            }
            catch (final IOException ex)
            {
                // a report cut short by the crash it would have described: fall back to the counters
            }
        }
        final ReplicaSample sample = live == null ? null : live.replica(p.device(), p.replica());
        if (sample == null)
        {
            return null;
        }
        return new DeviceReport(p.device(), p.replica(), "FAILED",
            sample.get(CounterType.TIMESLICES_IN), sample.get(CounterType.TIMESLICES_OUT),
            sample.get(CounterType.BYTES_IN), sample.get(CounterType.BYTES_OUT),
            sample.get(CounterType.TIMESLICES_DROPPED), sample.get(CounterType.ERRORS) + 1,
            sample.get(CounterType.BACK_PRESSURE_NS), "no report: the process died; figures from its last published counters",
            Map.of(), List.of(), List.of());
    }
}
