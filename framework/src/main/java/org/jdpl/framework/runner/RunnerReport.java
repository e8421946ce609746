package org.jdpl.framework.runner;

import java.io.IOException;
import java.nio.file.Path;

import org.jdpl.framework.channel.DeviceChannels;
import org.jdpl.framework.plan.PlannedDevice;
import org.jdpl.framework.run.DeviceExitCode;
import org.jdpl.framework.run.DeviceReport;
import org.jdpl.framework.run.ReportFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The report a device replica leaves for the Driver: built from the runner's counters, written whole or not at all. */
final class RunnerReport
{
    static final String METRIC_PARTS_IN = "net.partsIn";
    static final String METRIC_PARTS_OUT = "net.partsOut";
    static final String METRIC_ABANDONED = "outputs.abandoned";
    static final String METRIC_FAN_OUT_STREAMS = "net.fanOutStreams";
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

    /**
     * The figures only some runs have, added when they are not zero: payload parts that crossed hosts,
     * the fan-out streams that carried them to several hosts at once, and messages dropped for
     * consumers the run gave up on.
     */
    /** Every figure the runner's parts kept, as metrics of the report; any part may be null (it was never opened). */
    static void addFigures(final MapMetrics metrics, final RunnerCounters counters, final SegmentAccess segment, final InputSide inputs,
        final SendingOutputs outputs, final DeviceChannels channels, final SourceThrottle throttle)
    {
        SegmentPlumbing.report(segment, counters, metrics);
        addOutputFigures(metrics, counters, inputs == null ? 0 : inputs.partsReceived(), outputs == null ? 0 : outputs.partsSent(),
            channels == null ? 0 : channels.fanOutStreams());
        throttle.report(metrics);
        if (inputs != null)
        {
            inputs.report(metrics);
        }
    }

    private static void addOutputFigures(final MapMetrics metrics, final RunnerCounters counters, final long partsIn, final long partsOut,
        final int fanOutStreams)
    {
        if (fanOutStreams > 0)
        {
            metrics.set(METRIC_FAN_OUT_STREAMS, fanOutStreams);
        }
        if (partsIn > 0)
        {
            metrics.set(METRIC_PARTS_IN, partsIn);
        }
        if (partsOut > 0)
        {
            metrics.set(METRIC_PARTS_OUT, partsOut);
        }
        if (counters.messagesAbandoned > 0)
        {
            metrics.set(METRIC_ABANDONED, counters.messagesAbandoned);
        }
    }

    /** Writes the report; a failure to write is logged, never thrown: the device's exit code still tells how it ended. */
    static void write(final String who, final Path file, final DeviceReport report)
    {
        try
        {
            ReportFile.write(file, report);
        }
        catch (final IOException | RuntimeException e)
        {
            LOG.error("{}: could not write its report to {}: {}", who, file, e.toString());
        }
    }
}
