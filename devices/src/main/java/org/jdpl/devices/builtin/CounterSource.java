package org.jdpl.devices.builtin;

import org.jdpl.framework.device.DeviceSpec;
import org.jdpl.framework.device.Option;
import org.jdpl.framework.device.OutputPort;
import org.jdpl.framework.device.ProcessFunction;
import org.jdpl.framework.device.Setup;
import org.jdpl.framework.device.Timeslice;

/**
 * {@code counter-source}: produces numbered timeslices with a {@link PayloadPattern} payload,
 * optionally paced: when it is not yet time for the next timeslice it returns without output (the
 * runner then idles politely and calls again), so pacing never blocks the device's loop.
 */
public final class CounterSource extends DeviceSpec
{
    public static final String TYPE = "counter-source";

    private final OutputPort out = output("out", "TST/COUNTER/0");
    private final Option<Long> timeslices = longOption("timeslices", 1000, 0, Long.MAX_VALUE,
        "how many timeslices to produce; 0 = until the run is stopped");
    private final Option<Long> payloadBytes = bytesOption("payload-bytes", "64", PayloadPattern.MIN_BYTES, 1L << 30,
        "payload size of every timeslice (16 bytes of id and checksum, then derived bytes)");
    private final Option<Double> rateHz = doubleOption("rate-hz", 0, 0, 1e9,
        "timeslices per second; 0 = as fast as the consumers take them");

    public CounterSource()
    {
        super(TYPE, "produces timeslices 0, 1, 2, ... with a verifiable payload (id, checksum, derived bytes)");
    }

    @Override
    protected ProcessFunction init(final Setup setup)
    {
        final long count = setup.get(timeslices);
        final long bytes = setup.get(payloadBytes);
        final double rate = setup.get(rateHz);
        if (count < 0 || bytes < PayloadPattern.MIN_BYTES || rate < 0)
        {
            throw new IllegalArgumentException("counter-source '" + setup.info().name() + "': timeslices (" + count +
                ") and rate-hz (" + rate + ") must be >= 0, payload-bytes (" + bytes + ") >= " + PayloadPattern.MIN_BYTES);
        }
        final long intervalNs = rate == 0 ? 0 : (long)(1e9 / rate);
        return new ProcessFunction()
        {
            private long startNs;
            private long produced;

            @Override
            public void process(final Timeslice ts)
            {
                if (ts.stopRequested() || (count > 0 && produced >= count))
                {
                    ts.endOfStream();
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
                PayloadPattern.fill(ts.make(out, bytes), ts.id());
                produced++;
                if (count > 0 && produced == count)
                {
                    ts.endOfStream();
                }
            }
        };
    }
}
