package org.jdpl.framework.runner;

import java.nio.file.Path;

import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.NoOpIdleStrategy;
import org.jdpl.framework.run.RunLayout;
import org.jdpl.framework.run.SegmentSlots;
import org.jdpl.transport.segment.PayloadSegment;

/**
 * How a device runner joins the run's payload segment (the slot the plan gives its replica) and
 * what it reports of it: segment-backed messages sent and received, and waits on a full segment,
 * which count as back-pressure.
 */
final class SegmentPlumbing
{
    static final String METRIC_REFS_OUT = "segment.refsOut";
    static final String METRIC_REFS_IN = "segment.refsIn";
    static final String METRIC_WAITS = "segment.waits";
    static final String METRIC_WAIT_MS = "segment.waitMs";
    static final String METRIC_STALE_REFS = "segment.staleRefs";

    private SegmentPlumbing()
    {
    }

    /** The runner's segment access, or null when the run has no segment (too many processes, or none created). */
    static SegmentAccess open(final DeviceRunnerContext context, final DriverWatch watch)
    {
        final int slot = SegmentSlots.slotOf(context.manifest().plan(), context.deviceName(), context.replica(),
            PayloadSegment.maxProcesses());
        final Path file = RunLayout.payloadSegment(Path.of(context.manifest().shmDir()));
        return SegmentAccess.open(file, slot, new WatchingIdleStrategy(spaceWait(), watch));
    }

    /**
     * What a producer runs between waits on a full segment: nothing but the watch. The segment wakes
     * it on the next free ({@code PayloadSegment.allocate}), so the device's own idle strategy, whose
     * park of up to 1 ms came back after milliseconds on a loaded machine, has no part in it.
     */
    static IdleStrategy spaceWait()
    {
        return NoOpIdleStrategy.INSTANCE;
    }

    /** Adds the segment's figures to the report: as metrics, and the waits to back-pressure. */
    static void report(final SegmentAccess segment, final RunnerCounters counters, final MapMetrics metrics)
    {
        if (segment == null || segment.refsOut() + segment.refsIn() + segment.waits() + segment.staleRefs() == 0)
        {
            return;
        }
        metrics.set(METRIC_REFS_OUT, segment.refsOut());
        metrics.set(METRIC_REFS_IN, segment.refsIn());
        metrics.set(METRIC_WAITS, segment.waits());
        metrics.set(METRIC_WAIT_MS, segment.waitNs() / 1e6);
        if (segment.staleRefs() > 0)
        {
            metrics.set(METRIC_STALE_REFS, segment.staleRefs());
        }
        counters.backPressureNanos += segment.waitNs();
    }
}
