package org.jdpl.devices.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.jdpl.framework.testing.DeviceTester;
import org.jdpl.framework.testing.Message;
import org.junit.jupiter.api.Test;

/** bench-source's stamped payloads measured by bench-sink, through the device test harness. */
class BenchDevicesTest
{
    @Test
    void sinkShouldCountEveryPayloadAndMeasureOnlyThoseAfterTheWarmup() throws Exception
    {
        try (DeviceTester source = DeviceTester.of(new BenchSource()).option("timeslices", 3).option("warmup", 1);
            DeviceTester sink = DeviceTester.of(new BenchSink()))
        {
            for (long t = 0; t < 3; t++)
            {
                final Message payload = source.produce().only("out");
                assertEquals(64, payload.payload().length);
                assertEquals(t == 0 ? 1 : 0, payload.segment().get(BenchSource.LONG, BenchSource.WARMUP_OFFSET), "warm-up flag of " + t);
                assertTrue(sink.input("in", payload.payload()).process(t).isEmpty());
            }
            assertTrue(source.endOfStreamRequested());
            assertTrue(sink.endOfStream().isEmpty());
            assertEquals(3, sink.metric("count"));
            assertEquals(List.of("count", "medianMicros", "p99Micros", "maxMicros", "msgsPerSec"), List.copyOf(sink.metrics().keySet()));
        }
    }
}
