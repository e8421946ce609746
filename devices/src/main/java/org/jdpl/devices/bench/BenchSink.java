package org.jdpl.devices.bench;

import java.lang.foreign.MemorySegment;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.jdpl.framework.device.DeviceSpec;
import org.jdpl.framework.device.InputPort;
import org.jdpl.framework.device.Metrics;
import org.jdpl.framework.device.ProcessFunction;
import org.jdpl.framework.device.Setup;
import org.jdpl.framework.device.Timeslice;

/**
 * {@code bench-sink}: records each measured payload's hand-off time, from the producer's stamp to
 * the end of this call (the runner releases the payload right after), and the message rate from the
 * first to the last arrival. Metrics: {@code count}, {@code medianMicros}, {@code p99Micros},
 * {@code maxMicros}, {@code msgsPerSec}.
 */
public final class BenchSink extends DeviceSpec
{
    public static final String TYPE = "bench-sink";

    private final InputPort in = input("in", "BNC/DATA");

    public BenchSink()
    {
        super(TYPE, "benchmark sink: hand-off latency (HdrHistogram) and throughput of bench-source payloads, as metrics");
    }

    @Override
    protected ProcessFunction init(final Setup setup)
    {
        final Latencies latencies = new Latencies();
        setup.onEndOfStream(ts -> latencies.publish(ts.metrics()));
        return latencies;
    }

    /** What one sink instance measured. */
    private final class Latencies implements ProcessFunction
    {
        private final Histogram latencyNs = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
        private long count;
        private long firstNs;
        private long lastNs;

        @Override
        public void process(final Timeslice ts)
        {
            final MemorySegment payload = ts.input(in).payload();
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

        void publish(final Metrics metrics)
        {
            metrics.set("count", count);
            metrics.set("medianMicros", latencyNs.getValueAtPercentile(50) / 1e3);
            metrics.set("p99Micros", latencyNs.getValueAtPercentile(99) / 1e3);
            metrics.set("maxMicros", latencyNs.getMaxValue() / 1e3);
            metrics.set("msgsPerSec", count > 1 && lastNs > firstNs ? (count - 1) * 1e9 / (lastNs - firstNs) : 0);
        }
    }
}
