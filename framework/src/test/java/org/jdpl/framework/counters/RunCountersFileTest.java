package org.jdpl.framework.counters;

import java.nio.file.Path;
import java.util.List;

import org.jdpl.framework.plan.Completion;
import org.jdpl.framework.plan.FailurePolicy;
import org.jdpl.framework.plan.PlannedDevice;
import org.jdpl.framework.plan.Route;
import org.jdpl.framework.spec.DataSpec;
import org.jdpl.framework.spec.InputSpec;
import org.jdpl.framework.spec.OutputSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunCountersFileTest
{
    @TempDir
    Path dir;

    private static List<PlannedDevice> plan()
    {
        final PlannedDevice source = new PlannedDevice("source", "counter-source", 1, Completion.ALL, "{timeslices = 5}",
            List.of(), List.of(OutputSpec.parse("out:TST/DATA/0")), 0, 0,
            List.of(new Route("out", DataSpec.parse("TST/DATA/0"), "sink", "in", 2, 100)), "backoff", FailurePolicy.DEFAULT, "t.conf:1");
        final PlannedDevice sink = new PlannedDevice("sink", "checksum-sink", 2, Completion.ALL, "{}",
            List.of(InputSpec.parse("in:TST/DATA/0")), List.of(), 100, 1, List.of(), "backoff", FailurePolicy.DEFAULT, "t.conf:2");
        return List.of(source, sink);
    }

    @Test
    void shouldShowWhatWritersSetToAReaderOfAnotherMapping() throws Exception
    {
        final Path path = dir.resolve("counters.dat");
        try (RunCountersFile created = RunCountersFile.create(path, plan());
            RunCountersFile writerSide = RunCountersFile.open(path);
            RunCountersFile readerSide = RunCountersFile.open(path))
        {
            final ReplicaCounters source = ReplicaCounters.find(writerSide, 0, 0, 1);
            final ReplicaCounters sink1 = ReplicaCounters.find(writerSide, 1, 1, 0);
            source.state(DeviceState.RUNNING);
            source.set(CounterType.TIMESLICES_OUT, 42);
            source.route(0, 42, 4200);
            sink1.set(CounterType.TIMESLICES_IN, 21);
            sink1.set(CounterType.PROCESSING_P99_NS, 1234);

            final CountersSnapshot snapshot = CountersSnapshot.read(readerSide);

            assertEquals(3, snapshot.replicas().size());
            final ReplicaSample s = snapshot.replica("source", 0);
            assertEquals(DeviceState.RUNNING, s.state());
            assertEquals(42, s.get(CounterType.TIMESLICES_OUT));
            assertEquals(List.of(new RouteSample(0, "sink.in", 42, 4200)), s.routes());
            assertEquals(21, snapshot.replica("sink", 1).get(CounterType.TIMESLICES_IN));
            assertEquals(1234, snapshot.replica("sink", 1).get(CounterType.PROCESSING_P99_NS));
            assertEquals(CounterType.NO_EXIT, snapshot.replica("sink", 0).get(CounterType.EXIT_CODE));
            assertEquals(DeviceState.CREATED, snapshot.replica("sink", 0).state());
        }
    }

    @Test
    void shouldSizeTheFileToThePlan() throws Exception
    {
        final Path path = dir.resolve("counters.dat");
        final int count = RunCountersFile.counterCount(plan());
        try (RunCountersFile created = RunCountersFile.create(path, plan()))
        {
            assertEquals(64 + count * (512 + 128L), created.sizeBytes());
            assertTrue(count > 3 * 15, "every replica has its own and process counters: " + count);
        }
    }

    @Test
    void shouldRefuseAFileThatIsNotOurs() throws Exception
    {
        final Path path = java.nio.file.Files.write(dir.resolve("other.dat"), new byte[4096]);
        assertThrows(java.io.IOException.class, () -> RunCountersFile.open(path));
    }
}
