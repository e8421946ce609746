package org.jdpl.devices.builtin;

import org.jdpl.framework.device.Device;
import org.jdpl.framework.device.InitContext;
import org.jdpl.framework.device.ProcessingContext;

/**
 * Passes each payload on unchanged. For failure tests it can also misbehave on purpose: throw on
 * every n-th timeslice ({@code fail-every}), or kill its own process at one timeslice
 * ({@code crash-at-timeslice}), the way a real device crashes: no cleanup, no report.
 */
final class Forwarder implements Device
{
    /** Exit status of a deliberate crash: distinct from every DeviceExitCode. */
    static final int CRASH_EXIT_STATUS = 70;

    private long failEvery;
    private long crashAtTimeslice;

    @Override
    public void init(final InitContext ctx)
    {
        failEvery = ctx.options().getLong(ForwarderFactory.FAIL_EVERY);
        crashAtTimeslice = ctx.options().getLong(ForwarderFactory.CRASH_AT_TIMESLICE);
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
        ctx.outputs().forward(ForwarderFactory.OUTPUT, ctx.inputs().get(ForwarderFactory.INPUT));
    }
}
