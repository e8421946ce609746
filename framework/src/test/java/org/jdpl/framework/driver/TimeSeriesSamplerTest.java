package org.jdpl.framework.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.agrona.concurrent.CachedEpochClock;
import org.agrona.concurrent.CachedNanoClock;
import org.jdpl.framework.counters.CounterType;
import org.jdpl.framework.counters.DeviceState;
import org.jdpl.framework.counters.ReplicaCounters;
import org.jdpl.framework.counters.RunCountersFile;
import org.jdpl.framework.plan.Completion;
import org.jdpl.framework.plan.FailurePolicy;
import org.jdpl.framework.plan.Plan;
import org.jdpl.framework.plan.PlannedDevice;
import org.jdpl.framework.plan.Route;
import org.jdpl.framework.run.TimeSeriesFormat;
import org.jdpl.framework.spec.DataSpec;
import org.jdpl.framework.spec.InputSpec;
import org.jdpl.framework.spec.OutputSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The time series holds, once per period, what the counters file held then: named columns, routes, states. */
class TimeSeriesSamplerTest
{
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static Plan plan()
    {
        final PlannedDevice source = new PlannedDevice("source", "counter-source", 1, Completion.ALL, "{}",
            List.of(), List.of(OutputSpec.parse("out:TST/DATA/0")), 0, 0,
            List.of(new Route("out", DataSpec.parse("TST/DATA/0"), "sink", "in", 1, 100)), "backoff", FailurePolicy.DEFAULT, "t.conf:1");
        final PlannedDevice sink = new PlannedDevice("sink", "checksum-sink", 2, Completion.ALL, "{}",
            List.of(InputSpec.parse("in:TST/DATA/0")), List.of(), 100, 1, List.of(), "backoff", FailurePolicy.DEFAULT, "t.conf:2");
        return new Plan(List.of(source, sink), 10, 1024, List.of());
    }

    @Test
    void shouldAppendOneLinePerPeriodWithTheCountersOfThatMoment() throws Exception
    {
        final Plan plan = plan();
        final CachedNanoClock clock = new CachedNanoClock();
        final CachedEpochClock epoch = new CachedEpochClock();
        clock.update(0);
        epoch.update(1_000_000);
        final Path file = dir.resolve("timeseries.jsonl");
        try (RunCountersFile counters = RunCountersFile.create(dir.resolve("counters.dat"), plan.devices());
            TimeSeriesSampler sampler = TimeSeriesSampler.open(counters, file, 1000, clock, epoch))
        {
            final ReplicaCounters source = ReplicaCounters.find(counters, 0, 0, 1);
            final ReplicaCounters sink1 = ReplicaCounters.find(counters, 1, 1, 0);
            source.set(CounterType.TIMESLICES_OUT, 7);
            source.set(CounterType.STATE, DeviceState.RUNNING.ordinal());
            assertEquals(1, sampler.doWork(), "the first sample at once");
            clock.update(999_000_000L);
            assertEquals(0, sampler.doWork(), "nothing before the period is up");
            clock.update(1_000_000_000L);
            epoch.update(1_001_000);
            source.set(CounterType.TIMESLICES_OUT, 19);
            sink1.set(CounterType.TIMESLICES_IN, 4);
            assertEquals(1, sampler.doWork());
            sampler.finish();
            assertEquals(3, sampler.samples());
        }
        final List<String> lines = Files.readAllLines(file);
        assertEquals(4, lines.size(), "a header and three samples");
        final JsonNode header = JSON.readTree(lines.get(0));
        assertEquals(TimeSeriesFormat.FORMAT, header.path("format").asText());
        final List<String> columns = JSON.convertValue(header.path("replicaColumns"), JSON.getTypeFactory().constructCollectionType(List.class, String.class));
        assertEquals(TimeSeriesFormat.replicaColumns().stream().map(Enum::name).toList(), columns);
        final int out = TimeSeriesFormat.REPLICA_KEY_FIELDS + columns.indexOf("TIMESLICES_OUT");
        final int in = TimeSeriesFormat.REPLICA_KEY_FIELDS + columns.indexOf("TIMESLICES_IN");

        final JsonNode first = JSON.readTree(lines.get(1));
        assertEquals(1_000_000, first.path("t").asLong());
        assertEquals(3, first.path("r").size(), "every replica: source#0, sink#0, sink#1");
        assertEquals("source", first.path("r").path(0).path(0).asText());
        assertEquals(DeviceState.RUNNING.name(), first.path("r").path(0).path(2).asText());
        assertEquals(7, first.path("r").path(0).path(out).asLong());

        final JsonNode second = JSON.readTree(lines.get(2));
        assertEquals(1_001_000, second.path("t").asLong());
        assertEquals(19, second.path("r").path(0).path(out).asLong());
        assertEquals("sink", second.path("r").path(2).path(0).asText());
        assertEquals(1, second.path("r").path(2).path(1).asInt());
        assertEquals(4, second.path("r").path(2).path(in).asLong());
        assertEquals("sink.in", second.path("e").path(0).path(2).asText(), "the route, named by its consumer");
    }
}
