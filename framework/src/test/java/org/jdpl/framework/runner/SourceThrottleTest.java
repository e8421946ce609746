package org.jdpl.framework.runner;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.jdpl.framework.counters.CounterType;
import org.jdpl.framework.counters.ReplicaCounters;
import org.jdpl.framework.counters.RunCountersFile;
import org.jdpl.framework.plan.Completion;
import org.jdpl.framework.plan.FailurePolicy;
import org.jdpl.framework.plan.HostPlacement;
import org.jdpl.framework.plan.Plan;
import org.jdpl.framework.plan.PlannedDevice;
import org.jdpl.framework.plan.RateLimit;
import org.jdpl.framework.plan.Route;
import org.jdpl.framework.run.RunLayout;
import org.jdpl.framework.spec.DataSpec;
import org.jdpl.framework.spec.InputSpec;
import org.jdpl.framework.spec.OutputSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The source's view of what its sinks are done with, through a real counters file written the way
 * the sinks' runners and the Driver write it: source → fwd ×2 → a ×2, source → b, and source → qc
 * (sporadic).
 */
class SourceThrottleTest
{
    @TempDir
    Path shmDir;

    private Plan plan;
    private RunCountersFile file;

    @BeforeEach
    void createCounters()
    {
        final DataSpec raw = DataSpec.parse("TST/RAW/0");
        final DataSpec fwd = DataSpec.parse("TST/FWD/0");
        final PlannedDevice source = device("source", 1, List.of(), List.of(
            new Route("out", raw, "fwd", "in", 2, 1001), new Route("out", raw, "b", "in", 1, 1005),
            new Route("out", raw, "qc", "in", 1, 1006)));
        final PlannedDevice forwarder = device("fwd", 2, List.of(InputSpec.parse("in:TST/RAW/0")),
            List.of(new Route("out", fwd, "a", "in", 2, 1003)));
        final PlannedDevice a = device("a", 2, List.of(InputSpec.parse("in:TST/FWD/0")), List.of());
        final PlannedDevice b = device("b", 1, List.of(InputSpec.parse("in:TST/RAW/0")), List.of());
        final PlannedDevice qc = device("qc", 1, List.of(InputSpec.parse("in:TST/RAW/0?lifetime=sporadic")), List.of());
        plan = new Plan(List.of(source, forwarder, a, b, qc), 10, 1024, List.of(), 0, List.of(), HostPlacement.LOCAL, new RateLimit(4, false));
        file = RunCountersFile.create(RunLayout.counters(shmDir), plan.devices());
        for (final PlannedDevice d : plan.devices())
        {
            for (int r = 0; r < d.replicas(); r++)
            {
                counters(d.name(), r).set(CounterType.EXIT_CODE, CounterType.NO_EXIT); // what the Driver sets at start
            }
        }
    }

    @AfterEach
    void closeCounters()
    {
        file.close();
    }

    @Test
    void shouldCountASinkAsTheSumOfItsReplicasPlusDropsOnTheWayAndTakeTheSlowestSink()
    {
        final SinkCompletions sinks = SinkCompletions.of(plan, "source", file);
        assertEquals(Set.of("a", "b"), Set.copyOf(sinks.sinks()), "qc, with only a sporadic input, need not see every timeframe");
        assertEquals(0, sinks.poll());

        set("a", 0, CounterType.TIMESLICES_IN, 5);
        set("a", 1, CounterType.TIMESLICES_IN, 4);
        set("fwd", 1, CounterType.TIMESLICES_DROPPED, 1);
        set("b", 0, CounterType.TIMESLICES_IN, 12);
        assertEquals(10, sinks.poll(), "a: 5 + 4 completed + 1 dropped upstream; b is ahead");

        set("b", 0, CounterType.TIMESLICES_IN, 7);
        set("b", 0, CounterType.TIMESLICES_DROPPED, 1);
        // a count that goes down is a restarted process: 12 carried, plus what the new one counts
        assertEquals(10, sinks.poll());
        assertTrue(sinks.restartSeen());
        assertFalse(sinks.restartSeen(), "reported once");
    }

    @Test
    void shouldHoldTheSourceAtTheLimitUntilTheSinksCatchUp()
    {
        final RunnerCounters counters = new RunnerCounters();
        final SourceThrottle throttle = SourceThrottle.of(plan, "source", file, counters, "source");
        long produced = 0;
        while (throttle.mayProduce(produced))
        {
            throttle.produced();
            produced++;
        }
        assertEquals(4, produced);
        assertEquals(4, counters.maxInFlight);
        assertFalse(throttle.mayProduce(produced), "still nothing done");

        set("a", 0, CounterType.TIMESLICES_IN, 1);
        set("a", 1, CounterType.TIMESLICES_IN, 1);
        assertFalse(throttle.mayProduce(produced), "b has done nothing yet");
        set("b", 0, CounterType.TIMESLICES_IN, 3);
        assertTrue(throttle.mayProduce(produced), "both sinks have done 2: 2 in flight");
        assertEquals(2, counters.inFlight);
        assertTrue(counters.rateLimitWaitNanos > 0, "the wait is counted");
        assertEquals(4, counters.maxInFlight);
    }

    @Test
    void shouldNotWaitForASinkWhoseProcessExitedNorForWhatARestartLost()
    {
        final RunnerCounters counters = new RunnerCounters();
        final SourceThrottle throttle = SourceThrottle.of(plan, "source", file, counters, "source");
        for (long produced = 0; produced < 4; produced++)
        {
            assertTrue(throttle.mayProduce(produced));
            throttle.produced();
        }
        set("b", 0, CounterType.TIMESLICES_IN, 4);
        assertFalse(throttle.mayProduce(4), "a has done nothing");

        set("fwd", 1, CounterType.EXIT_CODE, 70);
        assertTrue(throttle.mayProduce(4), "a cannot complete while fwd#1 is dead: only b counts");
        throttle.produced();
        set("b", 0, CounterType.TIMESLICES_IN, 5);

        set("fwd", 1, CounterType.EXIT_CODE, CounterType.NO_EXIT);
        set("fwd", 1, CounterType.RESTARTS, 1);
        assertTrue(throttle.mayProduce(5), "what was in flight when fwd#1 restarted is forgiven (it may be lost)");
        assertEquals(0, counters.inFlight);
    }

    @Test
    void shouldNotAllocateWhileAskingAndProducing()
    {
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(threads.isThreadAllocatedMemorySupported(), "this JVM cannot count allocated bytes");
        final Plan smooth = new Plan(plan.devices(), 10, 1024, List.of(), 0, List.of(), HostPlacement.LOCAL, new RateLimit(4, true));
        final RunnerCounters counters = new RunnerCounters();
        final SourceThrottle throttle = SourceThrottle.of(smooth, "source", file, counters, "source");
        final ReplicaCounters b = counters("b", 0);
        final ReplicaCounters a0 = counters("a", 0);
        final ReplicaCounters a1 = counters("a", 1);
        long produced = 0;
        long allocated = Long.MAX_VALUE;
        // One object per call is >= 16 B a call; a little JIT noise in a round is not. The first round warms up.
        for (int round = 0; round < 4 && allocated >= 200_000; round++)
        {
            final long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 200_000; i++)
            {
                if (throttle.mayProduce(produced))
                {
                    throttle.produced();
                    produced++;
                }
                b.set(CounterType.TIMESLICES_IN, produced);
                a0.set(CounterType.TIMESLICES_IN, (produced + 1) / 2);
                a1.set(CounterType.TIMESLICES_IN, produced / 2);
            }
            allocated = round == 0 ? Long.MAX_VALUE : threads.getCurrentThreadAllocatedBytes() - before;
        }
        assertTrue(produced > 1000, "the sinks kept up, so the source went on: " + produced);
        assertTrue(allocated < 200_000, allocated + " bytes allocated in 200,000 calls");
    }

    @Test
    void shouldNotThrottleWithoutALimit()
    {
        final Plan unlimited = new Plan(plan.devices(), 10, 1024, List.of());
        final RunnerCounters counters = new RunnerCounters();
        final SourceThrottle throttle = SourceThrottle.of(unlimited, "source", file, counters, "source");
        for (long produced = 0; produced < 100; produced++)
        {
            assertTrue(throttle.mayProduce(produced));
            throttle.produced();
        }
        assertEquals(0, counters.maxInFlight, "nothing counted either");
    }

    private void set(final String device, final int replica, final CounterType type, final long value)
    {
        counters(device, replica).set(type, value);
    }

    private ReplicaCounters counters(final String device, final int replica)
    {
        final PlannedDevice d = plan.device(device);
        return ReplicaCounters.find(file, plan.devices().indexOf(d), replica, d.routes().size());
    }

    private static PlannedDevice device(final String name, final int replicas, final List<InputSpec> inputs, final List<Route> routes)
    {
        return new PlannedDevice(name, "forwarder", replicas, Completion.ALL, "{}", inputs,
            List.of(OutputSpec.parse("out:TST/X/0")), inputs.isEmpty() ? 0 : 1001, 1, routes, "backoff", FailurePolicy.DEFAULT, "t.conf:1");
    }
}
