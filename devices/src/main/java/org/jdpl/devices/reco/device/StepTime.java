package org.jdpl.devices.reco.device;

import org.jdpl.framework.device.Metrics;

/**
 * A reconstruction step's wall time in its metrics: {@code processMs} summed over timeslices (the per-step
 * timing in the run summary) and {@code firstMs}, that of the first timeslice alone, which carries the JIT's
 * warm-up; so {@code processMs - firstMs} over the other timeslices is the warm time of one (dpl bench reco).
 */
public final class StepTime
{
    private boolean first = true;

    /** Adds the time since {@code startNs} ({@link System#nanoTime}) of the timeslice just processed. */
    public void add(final Metrics metrics, final long startNs)
    {
        final double ms = (System.nanoTime() - startNs) / 1e6;
        metrics.add("processMs", ms);
        if (first)
        {
            metrics.add("firstMs", ms);
            first = false;
        }
    }
}
