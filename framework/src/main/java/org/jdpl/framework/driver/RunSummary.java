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
    List<String> gpus)
{
    public RunSummary
    {
        // Summaries written before GPU devices have no gpus field.
        gpus = gpus == null ? List.of() : List.copyOf(gpus);
    }
}
