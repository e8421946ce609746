package org.jdpl.devices.bench;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import org.jdpl.framework.device.Device;
import org.jdpl.framework.device.InitContext;
import org.jdpl.framework.device.ProcessingContext;

/**
 * Sends {@code timeslices} payloads. Each starts with the clock read just before {@code make}
 * (so the hand-off is timed from allocation) and a warm-up flag; nothing else is written, so a
 * large payload costs its hand-off, not its filling.
 */
final class BenchSource implements Device
{
    static final String OUTPUT = "out";
    static final long MIN_BYTES = 16;
    static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;
    static final long STAMP_OFFSET = 0;
    static final long WARMUP_OFFSET = 8;

    private long timeslices;
    private long payloadBytes;
    private long intervalNs;
    private long warmup;
    private long nextSendNs;
    private long sent;

    @Override
    public void init(final InitContext ctx)
    {
        timeslices = ctx.options().getLong("timeslices");
        payloadBytes = ctx.options().getBytes("payload-bytes");
        intervalNs = ctx.options().getLong("interval-us") * 1000;
        warmup = ctx.options().getLong("warmup");
        if (timeslices < 1 || payloadBytes < MIN_BYTES || intervalNs < 0 || warmup < 0)
        {
            throw new IllegalArgumentException("bench-source '" + ctx.info().name() + "': timeslices (" + timeslices +
                ") must be >= 1, payload-bytes (" + payloadBytes + ") >= " + MIN_BYTES + ", interval-us and warmup >= 0");
        }
    }

    @Override
    public void process(final ProcessingContext ctx)
    {
        if (sent >= timeslices || ctx.control().stopRequested())
        {
            ctx.control().endOfStream();
            return;
        }
        final long nowNs = System.nanoTime();
        if (intervalNs > 0 && nowNs - nextSendNs < 0)
        {
            return;
        }
        nextSendNs = nowNs + intervalNs;
        final MemorySegment payload = ctx.outputs().make(OUTPUT, payloadBytes);
        payload.set(LONG, STAMP_OFFSET, nowNs);
        payload.set(LONG, WARMUP_OFFSET, sent < warmup ? 1 : 0);
        sent++;
        if (sent == timeslices)
        {
            ctx.control().endOfStream();
        }
    }
}
