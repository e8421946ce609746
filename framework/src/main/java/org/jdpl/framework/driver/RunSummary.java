package org.jdpl.framework.driver;

import java.util.List;
import java.util.Map;

/**
 * What a run did, printed as a table at its end and written as JSON with {@code --summary-json}.
 * Field names are fixed: scripts read them.
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
    List<ProcessSummary> processes)
{
    public RunSummary
    {
        processes = processes == null ? List.of() : processes; // summaries written before process groups have none
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
