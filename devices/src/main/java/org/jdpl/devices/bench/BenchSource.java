package org.jdpl.devices.bench;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import org.jdpl.framework.device.DeviceSpec;
import org.jdpl.framework.device.Option;
import org.jdpl.framework.device.OutputPort;
import org.jdpl.framework.device.ProcessFunction;
import org.jdpl.framework.device.Setup;
import org.jdpl.framework.device.Timeslice;

/**
 * {@code bench-source}: sends {@code timeslices} payloads. Each starts with the clock read just
 * before {@code make} (so the hand-off is timed from allocation) and a warm-up flag; nothing else is
 * written, so a large payload costs its hand-off, not its filling.
 */
public final class BenchSource extends DeviceSpec
{
    public static final String TYPE = "bench-source";
    static final long MIN_BYTES = 16;
    static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;
    static final long STAMP_OFFSET = 0;
    static final long WARMUP_OFFSET = 8;

    private final OutputPort out = output("out", "BNC/DATA/0");
    private final Option<Long> timeslices = longOption("timeslices", 1000, 1, Long.MAX_VALUE, "how many timeslices to send (at least 1)");
    private final Option<Long> payloadBytes = bytesOption("payload-bytes", "64", MIN_BYTES, Long.MAX_VALUE,
        "payload size (at least " + MIN_BYTES + " B)");
    private final Option<Long> intervalUs = longOption("interval-us", 0, 0, Long.MAX_VALUE,
        "time between two sends (one hand-off at a time for latency); 0 = as fast as taken");
    private final Option<Long> warmup = longOption("warmup", 0, 0, Long.MAX_VALUE, "first timeslices marked as warm-up (not measured)");

    public BenchSource()
    {
        super(TYPE, "benchmark source: timeslices payloads stamped with the clock before allocation, optionally paced");
    }

    @Override
    protected ProcessFunction init(final Setup setup)
    {
        final long count = setup.get(timeslices);
        final long bytes = setup.get(payloadBytes);
        final long intervalNs = setup.get(intervalUs) * 1000;
        final long warm = setup.get(warmup);
        if (count < 1 || bytes < MIN_BYTES || intervalNs < 0 || warm < 0)
        {
            throw new IllegalArgumentException("bench-source '" + setup.info().name() + "': timeslices (" + count +
                ") must be >= 1, payload-bytes (" + bytes + ") >= " + MIN_BYTES + ", interval-us and warmup >= 0");
        }
        return new ProcessFunction()
        {
            private long nextSendNs;
            private long sent;

            @Override
            public void process(final Timeslice ts)
            {
                if (sent >= count || ts.stopRequested())
                {
                    ts.endOfStream();
                    return;
                }
                final long nowNs = System.nanoTime();
                if (intervalNs > 0 && nowNs - nextSendNs < 0)
                {
                    return;
                }
                nextSendNs = nowNs + intervalNs;
                final MemorySegment payload = ts.make(out, bytes);
                payload.set(LONG, STAMP_OFFSET, nowNs);
                payload.set(LONG, WARMUP_OFFSET, sent < warm ? 1 : 0);
                sent++;
                if (sent == count)
                {
                    ts.endOfStream();
                }
            }
        };
    }
}
