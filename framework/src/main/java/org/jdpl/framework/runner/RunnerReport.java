package org.jdpl.framework.runner;

import java.io.IOException;
import java.nio.file.Path;

import org.jdpl.framework.plan.PlannedDevice;
import org.jdpl.framework.run.DeviceExitCode;
import org.jdpl.framework.run.DeviceReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The report a device replica leaves for the Driver: built from the runner's counters, written whole or not at all. */
final class RunnerReport
{
    private static final Logger LOG = LoggerFactory.getLogger(RunnerReport.class);

    private RunnerReport()
    {
    }

    static DeviceReport build(
        final PlannedDevice planned,
        final int replica,
        final int exitCode,
        final String failure,
        final RunnerCounters counters,
        final MapMetrics metrics)
    {
        final boolean clean = exitCode == DeviceExitCode.OK || exitCode == DeviceExitCode.STOPPED;
        return new DeviceReport(
            planned.name(), replica, clean ? "STOPPED" : "FAILED",
            counters.timeslicesIn, counters.timeslicesOut, counters.bytesIn, counters.bytesOut,
            counters.timeslicesDropped, counters.errors + (clean ? 0 : 1), counters.backPressureNanos, failure,
            metrics.snapshot(), counters.ledger.completedRanges(), counters.ledger.drops());
    }

    /** Writes the report; a failure to write is logged, never thrown: the device's exit code still tells how it ended. */
    static void write(final String who, final Path file, final DeviceReport report)
    {
        try
        {
            RunFiles.writeReport(file, report);
        }
        catch (final IOException | RuntimeException e)
        {
            LOG.error("{}: could not write its report to {}: {}", who, file, e.toString());
        }
    }
}
