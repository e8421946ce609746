package org.jdpl.framework.driver;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a run did, printed as a table at its end and written as JSON with {@code --summary-json}.
 * Field names are fixed: scripts read them. {@code gpus} holds a line per GPU device: its GPUs and
 * how the backend was chosen (and why others were skipped). {@code timeslices} is null in a host
 * agent's summary of its part of a run across hosts: the launching host accounts for them all.
 */
public record RunSummary(
    String run,
    RunStatus status,
    double wallSeconds,
    String failure,
    List<String> incidents,
    String runDir,
    List<DeviceSummary> devices,
    TimesliceTotals timeslices,
    Map<String, Double> metrics,
    List<String> gpus,
    List<ProcessSummary> processes,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<AutoPipeline.Choice> autoPipeline)
{
    public RunSummary
    {
        // Summaries written before GPU devices, process groups and pipeline = auto have none of these fields.
        gpus = gpus == null ? List.of() : List.copyOf(gpus);
        processes = processes == null ? List.of() : processes;
        autoPipeline = autoPipeline == null ? List.of() : List.copyOf(autoPipeline);
    }

    /** A run without {@code pipeline = auto} devices. */
    public RunSummary(
        final String run,
        final RunStatus status,
        final double wallSeconds,
        final String failure,
        final List<String> incidents,
        final String runDir,
        final List<DeviceSummary> devices,
        final TimesliceTotals timeslices,
        final Map<String, Double> metrics,
        final List<String> gpus,
        final List<ProcessSummary> processes)
    {
        this(run, status, wallSeconds, failure, incidents, runDir, devices, timeslices, metrics, gpus, processes, List.of());
    }

    /** The same, with the replicas {@code pipeline = auto} chose before the run. */
    RunSummary withAutoPipeline(final List<AutoPipeline.Choice> choices)
    {
        return new RunSummary(run, status, wallSeconds, failure, incidents, runDir, devices, timeslices, metrics, gpus, processes,
            List.copyOf(choices));
    }

    /** The resident sets of every process added up: what the run cost in memory, at worst. */
    public long rssMaxBytesTotal()
    {
        long total = 0;
        for (final ProcessSummary process : processes)
        {
            total += process.rssMaxBytes();
        }
        return total;
    }
}
