package org.jdpl.devices.builtin;

import org.jdpl.framework.device.Device;
import org.jdpl.framework.device.InitContext;
import org.jdpl.framework.device.ProcessingContext;

/**
 * Produces timeslices with a {@link PayloadPattern} payload, optionally paced: when it is not yet
 * time for the next timeslice it returns without output (the runner then idles politely and calls
 * again), so pacing never blocks the device's loop.
 */
final class CounterSource implements Device
{
    static final String OUTPUT = "out";

    private long timeslices;
    private long payloadBytes;
    private long intervalNs;
    private long startNs;
    private long produced;

    @Override
    public void init(final InitContext ctx)
    {
        timeslices = ctx.options().getLong("timeslices");
        payloadBytes = ctx.options().getBytes("payload-bytes");
        final double rateHz = ctx.options().getDouble("rate-hz");
        if (timeslices < 0 || payloadBytes < PayloadPattern.MIN_BYTES || rateHz < 0)
        {
            throw new IllegalArgumentException("counter-source '" + ctx.info().name() + "': timeslices (" + timeslices +
                ") and rate-hz (" + rateHz + ") must be >= 0, payload-bytes (" + payloadBytes + ") >= " + PayloadPattern.MIN_BYTES);
        }
        intervalNs = rateHz == 0 ? 0 : (long)(1e9 / rateHz);
    }

    @Override
    public void process(final ProcessingContext ctx)
    {
        if (ctx.control().stopRequested() || (timeslices > 0 && produced >= timeslices))
        {
            ctx.control().endOfStream();
            return;
        }
        if (intervalNs > 0)
        {
            final long nowNs = System.nanoTime();
            if (startNs == 0)
            {
                startNs = nowNs;
            }
            if (nowNs - (startNs + produced * intervalNs) < 0)
            {
                return;
            }
        }
        PayloadPattern.fill(ctx.outputs().make(OUTPUT, payloadBytes), ctx.timeslice());
        produced++;
        if (timeslices > 0 && produced == timeslices)
        {
            ctx.control().endOfStream();
        }
    }
}
