package org.jdpl.framework.driver;

import java.util.List;
import java.util.Map;

/**
 * What a run did, printed as a table at its end and written as JSON with {@code --summary-json}.
 * Field names are fixed: scripts read them. {@code gpus} holds a line per GPU device: its GPUs and
 * how the backend was chosen (and why others were skipped).
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
    List<ProcessSummary> processes)
{
    public RunSummary
    {
        // Summaries written before GPU devices and process groups have no gpus or processes fields.
        gpus = gpus == null ? List.of() : List.copyOf(gpus);
        processes = processes == null ? List.of() : processes;
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
