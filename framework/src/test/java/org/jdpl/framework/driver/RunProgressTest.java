package org.jdpl.framework.driver;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import org.agrona.concurrent.CachedNanoClock;
import org.jdpl.framework.counters.CounterType;
import org.jdpl.framework.counters.CountersSnapshot;
import org.jdpl.framework.counters.ReplicaCounters;
import org.jdpl.framework.counters.RunCountersFile;
import org.jdpl.framework.plan.Completion;
import org.jdpl.framework.plan.FailurePolicy;
import org.jdpl.framework.plan.Plan;
import org.jdpl.framework.plan.PlannedDevice;
import org.jdpl.framework.plan.Route;
import org.jdpl.framework.spec.DataSpec;
import org.jdpl.framework.spec.InputSpec;
import org.jdpl.framework.spec.OutputSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunProgressTest
{
    @TempDir
    Path dir;

    private static Plan plan(final String sourceOptions)
    {
        final PlannedDevice source = new PlannedDevice("source", "counter-source", 1, Completion.ALL, sourceOptions,
            List.of(), List.of(OutputSpec.parse("out:TST/DATA/0")), 0, 0,
            List.of(new Route("out", DataSpec.parse("TST/DATA/0"), "sink", "in", 1, 100)), "backoff", FailurePolicy.DEFAULT, "t.conf:1");
        final PlannedDevice sink = new PlannedDevice("sink", "checksum-sink", 1, Completion.ALL, "{}",
            List.of(InputSpec.parse("in:TST/DATA/0")), List.of(), 100, 1, List.of(), "backoff", FailurePolicy.DEFAULT, "t.conf:2");
        return new Plan(List.of(source, sink), 10, 1024, List.of());
    }

    @Test
    void shouldKnowHowManyTimeframesFiniteSourcesMake()
    {
        assertEquals(1000, RunProgress.expectedTimeslices(plan("{timeslices = 1000, rate-hz = 5}")));
        assertEquals(0, RunProgress.expectedTimeslices(plan("{timeslices = 0}")), "0 is endless");
        assertEquals(0, RunProgress.expectedTimeslices(plan("{}")), "a source that does not say");
    }

    @Test
    void shouldDescribeDoneRateInFlightAndEta() throws Exception
    {
        final Plan plan = plan("{timeslices = 1000}");
        final CachedNanoClock clock = new CachedNanoClock();
        clock.update(0);
        try (RunCountersFile file = RunCountersFile.create(dir.resolve("counters.dat"), plan.devices()))
        {
            final StringWriter text = new StringWriter();
            final RunProgress progress = new RunProgress(ProgressMode.LOG, file, plan, new PrintWriter(text), clock);
            ReplicaCounters.find(file, 0, 0, 1).set(CounterType.TIMESLICES_OUT, 220);
            ReplicaCounters.find(file, 1, 0, 0).set(CounterType.TIMESLICES_IN, 200);

            final String line = progress.describe(CountersSnapshot.read(file), 2_000_000_000L);

            assertEquals("200/1000 timeframes done, 100.0/s, 20 in flight, 2 s, ETA 8 s", line);
            assertEquals(0, progress.doWork(), "nothing before the interval");
            clock.update(7_000_000_000L);
            assertEquals(1, progress.doWork());
            assertTrue(text.toString().startsWith("progress: 200/1000 timeframes done"), text.toString());
        }
    }
}
