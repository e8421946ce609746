package org.jdpl.devices.builtin;

import java.util.concurrent.ThreadLocalRandom;

import org.jdpl.framework.device.Device;
import org.jdpl.framework.device.InitContext;
import org.jdpl.framework.device.ProcessingContext;

/**
 * Passes each payload on unchanged. For failure tests it can also misbehave on purpose: throw on
 * every n-th timeslice ({@code fail-every}), or kill its own process at one timeslice
 * ({@code crash-at-timeslice}), the way a real device crashes: no cleanup, no report. For
 * benchmarks it can be a slow stage: busy work of {@code work-us} per timeslice, varied by
 * {@code work-jitter} (busy, not sleeping, because a real reconstruction step uses its core).
 */
final class Forwarder implements Device
{
    /** Exit status of a deliberate crash: distinct from every DeviceExitCode. */
    static final int CRASH_EXIT_STATUS = 70;

    private long failEvery;
    private long crashAtTimeslice;
    private long workNs;
    private double workJitter;

    @Override
    public void init(final InitContext ctx)
    {
        failEvery = ctx.options().getLong(ForwarderFactory.FAIL_EVERY);
        crashAtTimeslice = ctx.options().getLong(ForwarderFactory.CRASH_AT_TIMESLICE);
        workNs = ctx.options().getLong(ForwarderFactory.WORK_US) * 1_000;
        workJitter = ctx.options().getDouble(ForwarderFactory.WORK_JITTER);
    }

    @Override
    public void process(final ProcessingContext ctx)
    {
        final long timeslice = ctx.timeslice();
        if (timeslice == crashAtTimeslice)
        {
            Runtime.getRuntime().halt(CRASH_EXIT_STATUS);
        }
        if (failEvery > 0 && timeslice % failEvery == failEvery - 1)
        {
            throw new IllegalStateException("injected failure on timeslice " + timeslice + " (fail-every = " + failEvery + ")");
        }
        if (workNs > 0)
        {
            work();
        }
        ctx.outputs().forward(ForwarderFactory.OUTPUT, ctx.inputs().get(ForwarderFactory.INPUT));
    }

    private void work()
    {
        final double factor = 1 + workJitter * (2 * ThreadLocalRandom.current().nextDouble() - 1);
        final long untilNs = System.nanoTime() + (long)(workNs * factor);
        while (System.nanoTime() - untilNs < 0)
        {
            Thread.onSpinWait();
        }
    }
}
