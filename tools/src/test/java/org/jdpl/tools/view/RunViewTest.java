package org.jdpl.tools.view;

import java.nio.file.Path;
import java.util.List;

import org.jdpl.framework.counters.CounterType;
import org.jdpl.framework.counters.CountersSnapshot;
import org.jdpl.framework.counters.DeviceState;
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

class RunViewTest
{
    @TempDir
    Path dir;

    private static Plan plan()
    {
        final PlannedDevice source = new PlannedDevice("source", "counter-source", 1, Completion.ALL, "{timeslices = 100}",
            List.of(), List.of(OutputSpec.parse("out:TST/DATA/0")), 0, 0,
            List.of(new Route("out", DataSpec.parse("TST/DATA/0"), "sink", "in", 2, 100)), "backoff", FailurePolicy.DEFAULT, "t.conf:1");
        final PlannedDevice sink = new PlannedDevice("sink", "checksum-sink", 2, Completion.ALL, "{}",
            List.of(InputSpec.parse("in:TST/DATA/0")), List.of(), 100, 1, List.of(), "backoff", FailurePolicy.DEFAULT, "t.conf:2");
        return new Plan(List.of(source, sink), 10, 1024, List.of("t.conf"));
    }

    @Test
    void shouldCountDoneByTheSlowestSinkAndRateEdgesAcrossReplicas() throws Exception
    {
        final Plan plan = plan();
        try (RunCountersFile file = RunCountersFile.create(dir.resolve("counters.dat"), plan.devices()))
        {
            final ReplicaCounters source = ReplicaCounters.find(file, 0, 0, 1);
            final ReplicaCounters sink0 = ReplicaCounters.find(file, 1, 0, 0);
            final ReplicaCounters sink1 = ReplicaCounters.find(file, 1, 1, 0);
            source.state(DeviceState.RUNNING);
            source.set(CounterType.TIMESLICES_OUT, 10);
            source.route(0, 10, 1_000_000);
            sink0.set(CounterType.TIMESLICES_IN, 5);
            sink1.set(CounterType.TIMESLICES_IN, 4);
            final CountersSnapshot before = CountersSnapshot.read(file);
            source.set(CounterType.TIMESLICES_OUT, 30);
            source.route(0, 30, 3_000_000);
            source.set(CounterType.BACK_PRESSURE_NS, 1_000_000_000_000L); // far more than the interval: capped
            sink0.set(CounterType.TIMESLICES_IN, 15);
            sink1.set(CounterType.TIMESLICES_IN, 14);
            final CountersSnapshot now = CountersSnapshot.read(file);

            final RunView view = RunView.of(plan, before, now);

            assertEquals(30, view.produced());
            assertEquals(29, view.done(), "replicas of one sink add up");
            assertEquals(1, view.inFlight());
            assertEquals(3, view.replicas().size());
            assertEquals("RUNNING", view.replicas().get(0).state());
            assertEquals(100.0, view.replicas().get(0).bpPercent());
            assertEquals(1, view.edges().size());
            final EdgeRow edge = view.edges().get(0);
            assertEquals("source", edge.from());
            assertEquals("sink.in", edge.to());
            assertEquals(30, edge.messages());
            final double seconds = Math.max(1e-3, (now.takenNs() - before.takenNs()) / 1e9); // as RunView bounds it
            assertEquals(20 / seconds, edge.perSecond(), 1e-6 * edge.perSecond());
            assertEquals(2 / seconds, edge.mbPerSecond(), 1e-6 * edge.mbPerSecond());
            assertTrue(view.donePerSecond() > 0);
        }
    }

    @Test
    void shouldShowNoRatesFromASingleSnapshot() throws Exception
    {
        final Plan plan = plan();
        try (RunCountersFile file = RunCountersFile.create(dir.resolve("counters.dat"), plan.devices()))
        {
            ReplicaCounters.find(file, 0, 0, 1).set(CounterType.TIMESLICES_OUT, 7);
            final RunView view = RunView.of(plan, null, CountersSnapshot.read(file));
            assertEquals(7, view.produced());
            assertEquals(0.0, view.replicas().get(0).outPerSecond());
            assertEquals(0.0, view.donePerSecond());
        }
    }
}
