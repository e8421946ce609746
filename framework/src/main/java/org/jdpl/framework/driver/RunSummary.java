package org.jdpl.framework.driver;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

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
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<AutoPipeline.Choice> autoPipeline)
{
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
        final Map<String, Double> metrics)
    {
        this(run, status, wallSeconds, failure, incidents, runDir, devices, timeslices, metrics, List.of());
    }

    /** The same, with the replicas {@code pipeline = auto} chose before the run. */
    RunSummary withAutoPipeline(final List<AutoPipeline.Choice> choices)
    {
        return new RunSummary(run, status, wallSeconds, failure, incidents, runDir, devices, timeslices, metrics, List.copyOf(choices));
    }
}
