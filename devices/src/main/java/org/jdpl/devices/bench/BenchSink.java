package org.jdpl.devices.bench;

import java.lang.foreign.MemorySegment;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.jdpl.framework.device.Device;
import org.jdpl.framework.device.EndOfStreamContext;
import org.jdpl.framework.device.Metrics;
import org.jdpl.framework.device.ProcessingContext;

/**
 * Records each measured payload's hand-off time, from the producer's stamp to the end of this
 * call (the runner releases the payload right after), and the message rate from the first to the
 * last arrival. Metrics: {@code count}, {@code medianMicros}, {@code p99Micros}, {@code maxMicros},
 * {@code msgsPerSec}.
 */
final class BenchSink implements Device
{
    static final String INPUT = "in";

    private final Histogram latencyNs = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
    private long count;
    private long firstNs;
    private long lastNs;

    @Override
    public void process(final ProcessingContext ctx)
    {
        final MemorySegment payload = ctx.inputs().get(INPUT).payload();
        final long stampNs = payload.get(BenchSource.LONG, BenchSource.STAMP_OFFSET);
        final boolean warmup = payload.get(BenchSource.LONG, BenchSource.WARMUP_OFFSET) != 0;
        final long nowNs = System.nanoTime();
        if (count == 0)
        {
            firstNs = nowNs;
        }
        lastNs = nowNs;
        count++;
        if (!warmup)
        {
            latencyNs.recordValue(Math.max(0, nowNs - stampNs));
        }
    }

    @Override
    public void endOfStream(final EndOfStreamContext ctx)
    {
        final Metrics metrics = ctx.metrics();
        metrics.set("count", count);
        metrics.set("medianMicros", latencyNs.getValueAtPercentile(50) / 1e3);
        metrics.set("p99Micros", latencyNs.getValueAtPercentile(99) / 1e3);
        metrics.set("maxMicros", latencyNs.getMaxValue() / 1e3);
        metrics.set("msgsPerSec", count > 1 && lastNs > firstNs ? (count - 1) * 1e9 / (lastNs - firstNs) : 0);
    }
}
