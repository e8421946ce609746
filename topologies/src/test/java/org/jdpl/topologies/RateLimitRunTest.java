package org.jdpl.topologies;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code rate-limit { timeframes-in-flight = N }} in real processes: the source never has more than
 * N timeframes not yet done by the sinks (the source's runner keeps the most it saw), it is held
 * back for real, and the run still ends with every timeframe accounted for, also when timeframes
 * are dropped on the way or a device dies and restarts.
 */
@Timeout(120)
class RateLimitRunTest
{
    @TempDir
    Path dir;

    @Test
    void shouldNeverHaveMoreThanTheLimitInFlightBehindASlowStage()
    {
        final RunFixture fixture = new RunFixture(dir);
        final Path topology = fixture.write("limited.conf", """
            devices {
              source { use = counter-source, options { timeslices = 60, payload-bytes = 256 } }
              slow   { use = forwarder, options { work-us = 10000 } }
              sink   { use = checksum-sink }
            }
            rate-limit { timeframes-in-flight = 4 }
            """);

        final RunResult result = fixture.run(topology);

        assertEquals(0, result.exitCode(), result::describe);
        assertEquals(4, result.metric("source.rate-limit.maxInFlight"), "the source fills up to the limit, never past it");
        assertTrue(result.metric("source.rate-limit.waitSeconds") > 0, "the source was held back: " + result.summary());
        assertEquals(60, result.timeslices("produced"));
        assertEquals(60, result.timeslices("completed"));
        assertEquals(0, result.timeslices("dropped") + result.timeslices("lost"));
        assertEquals(60, result.metric("sink.received"));
        RunFixture.assertNothingLeft(result);
    }

    @Test
    void shouldStayWithinTheLimitWhenSmoothing()
    {
        final RunFixture fixture = new RunFixture(dir);
        final Path topology = fixture.write("smooth.conf", """
            devices {
              source { use = counter-source, options { timeslices = 100, payload-bytes = 256 } }
              slow   { use = forwarder, options { work-us = 5000, work-jitter = 0.5 } }
              sink   { use = checksum-sink }
            }
            rate-limit { timeframes-in-flight = 4, smooth = true }
            """);

        final RunResult result = fixture.run(topology);

        assertEquals(0, result.exitCode(), result::describe);
        final double most = result.metric("source.rate-limit.maxInFlight");
        assertTrue(most >= 1 && most <= 4, "in flight at most: " + most);
        assertEquals(100, result.timeslices("produced"));
        assertEquals(100, result.timeslices("completed"));
        RunFixture.assertNothingLeft(result);
    }

    /** Dropped timeframes never reach the sinks; were they not counted as done, the source would wait for ever after two. */
    @Test
    void shouldCountDroppedTimeframesAsDoneAcrossReplicas()
    {
        final RunFixture fixture = new RunFixture(dir);
        final Path topology = fixture.write("drops.conf", """
            devices {
              source { use = counter-source, options { timeslices = 40, payload-bytes = 256 } }
              slow   { use = forwarder, on-error = skip-timeframe, options { work-us = 2000, fail-every = 5 } }
              sink   { use = checksum-sink, pipeline = 2, options { fail-on-error = false } }
            }
            rate-limit { timeframes-in-flight = 2 }
            """);

        final RunResult result = fixture.run(topology);

        assertEquals(0, result.exitCode(), result::describe);
        assertEquals(40, result.timeslices("produced"));
        assertEquals(8, result.timeslices("dropped"), "every fifth timeframe is dropped at slow");
        assertEquals(32, result.timeslices("completed"));
        assertTrue(result.metric("source.rate-limit.maxInFlight") <= 2, result.summary().toString());
        RunFixture.assertNothingLeft(result);
    }

    /** What a crashed device held is lost: the source must not wait for it, before or after the restart. */
    @Test
    void shouldNotWaitForWhatACrashedDeviceLost()
    {
        final RunFixture fixture = new RunFixture(dir);
        final Path topology = fixture.write("crash.conf", """
            devices {
              source { use = counter-source, options { timeslices = 60, payload-bytes = 256 } }
              slow   { use = forwarder, on-crash = restart, options { work-us = 2000, crash-at-timeslice = 20 } }
              sink   { use = checksum-sink, options { fail-on-error = false } }
            }
            rate-limit { timeframes-in-flight = 4 }
            """);

        final RunResult result = fixture.run(topology);

        assertEquals(0, result.exitCode(), result::describe);
        assertEquals(1, RunFixture.deviceOf(result, "slow").path("restarts").asInt());
        assertEquals(60, result.timeslices("produced"));
        assertTrue(result.timeslices("lost") >= 1, "the crashed process held at least the timeframe it died on");
        assertEquals(60, result.timeslices("completed") + result.timeslices("lost"));
        RunFixture.assertNothingLeft(result);
    }
}
