package org.jdpl.topologies;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Input lifetimes end to end, in real device processes: optional and sporadic inputs (present,
 * absent, late), conditions held across timeslices and shared by replicas, timer-driven devices,
 * and ordered completion behind replicas that finish out of order. Timeslice accounting balances in
 * every run.
 */
@Timeout(120)
class LifetimesRunTest
{
    @TempDir
    Path dir;

    @Test
    void shouldDeliverAnOptionalInputWithItsTimesliceWhenPresentAndShowItAbsentOtherwise()
    {
        final RunFixture fixture = new RunFixture(dir);
        final Path topology = fixture.write("optional.conf", """
            devices {
              # the optional output is made every third call and sent before the data, on the same stream
              source { use = test-emitter, outputs = ["extra:TST/EXTRA/0", "data:TST/DATA/0"],
                       options { timeslices = 30, sparse-label = extra, every = 3 } }
              sink   { use = test-recorder, inputs = ["data:TST/DATA/0", "extra:TST/EXTRA/0?lifetime=optional"] }
            }
            """);

        final RunResult result = fixture.run(topology);

        assertEquals(0, result.exitCode(), result::describe);
        assertEquals(30, result.metric("sink.calls"));
        assertEquals(30, result.metric("sink.present.data"));
        assertEquals(10, result.metric("sink.present.extra"));
        assertEquals(20, result.metric("sink.absent.extra"));
        assertEquals(0, result.metric("sink.inputs.late"));
        assertEquals(0, result.metric("sink.torn") + result.metric("sink.outOfOrder"));
        assertBalanced(result, 30);
        RunFixture.assertNothingLeft(result);
    }

    @Test
    void shouldCountASporadicMessageArrivingAfterItsTimesliceAsLateWithoutLosingATimeslice()
    {
        final RunFixture fixture = new RunFixture(dir);
        final Path topology = fixture.write("late.conf", """
            devices {
              source { use = test-emitter, outputs = ["data:TST/DATA/0"], options { timeslices = 40, period-ms = 2 } }
              # the same timeslices again, 30 ms later: after the sink processed them
              slow   { use = test-relay, inputs = ["in:TST/DATA/0"], outputs = ["out:TST/LATE/0"], options { hold-ms = 30 } }
              sink   { use = test-recorder, inputs = ["data:TST/DATA/0", "late:TST/LATE/0?lifetime=sporadic"] }
            }
            """);

        final RunResult result = fixture.run(topology);

        assertEquals(0, result.exitCode(), result::describe);
        assertEquals(40, result.metric("sink.calls"));
        // every sporadic message was either delivered with its timeslice or counted late: none vanished
        assertEquals(40, result.metric("sink.present.late") + result.metric("sink.inputs.late"), result.summary().path("metrics")::toString);
        assertTrue(result.metric("sink.inputs.late") > 0, "a message 30 ms behind its timeslice is late");
        assertBalanced(result, 40);
        RunFixture.assertNothingLeft(result);
    }

    @Test
    void shouldHoldTheLatestConditionForEveryTimesliceOfEveryReplica()
    {
        final RunFixture fixture = new RunFixture(dir);
        // 1 MB conditions go through the payload segment: a held block released too early would be reused and torn
        final Path topology = fixture.write("condition.conf", """
            devices {
              calib  { use = test-emitter, outputs = ["calib:TST/CALIB/0"], options { timeslices = 60, period-ms = 3, payload-bytes = 1M } }
              source { use = test-emitter, outputs = ["data:TST/DATA/0"], options { timeslices = 40, period-ms = 5 } }
              sink   { use = test-recorder, pipeline = 2, inputs = ["data:TST/DATA/0", "calib:TST/CALIB/0?lifetime=condition"] }
            }
            """);

        final RunResult result = fixture.run(topology);

        assertEquals(0, result.exitCode(), result::describe);
        assertEquals(40, result.metric("sink.calls"));
        assertEquals(40, result.metric("sink.present.calib"), "every timeslice sees a condition");
        assertEquals(0, result.metric("sink.absent.calib"));
        assertEquals(0, result.metric("sink.torn"), "a held condition stays valid until replaced");
        assertEquals(0, result.metric("sink.regressed.calib"), "versions only move forward");
        assertTrue(result.metric("sink.versions.calib") >= 2, "each replica saw at least one version");
        // each of the 2 replicas received all 60 versions: a condition goes to every replica
        assertEquals(120, result.metric("sink.inputs.conditionUpdates"));
        // the condition source makes versions, not timeslices: 40 produced, not 60
        assertBalanced(result, 40);
        RunFixture.assertNothingLeft(result);
    }

    @Test
    void shouldDropTimeslicesThatWaitedForAConditionThatNeverCameAndSaySo()
    {
        final RunFixture fixture = new RunFixture(dir);
        // calib calls process 3 times but makes its output only on the 1000th call: never
        final Path topology = fixture.write("no-condition.conf", """
            devices {
              calib  { use = test-emitter, outputs = ["calib:TST/CALIB/0"], options { timeslices = 3, sparse-label = calib, every = 1000 } }
              source { use = test-emitter, outputs = ["data:TST/DATA/0"], options { timeslices = 20 } }
              sink   { use = test-recorder, inputs = ["data:TST/DATA/0", "calib:TST/CALIB/0?lifetime=condition"] }
            }
            """);

        final RunResult result = fixture.run(topology);

        assertEquals(0, result.metric("sink.calls"), result::describe);
        assertEquals(20, result.timeslices("produced"));
        assertEquals(0, result.timeslices("completed"));
        assertEquals(20, result.timeslices("dropped"));
        assertEquals(0, result.timeslices("lost"));
        assertTrue(result.summary().toString().contains("waiting for a condition input that never arrived"), result::describe);
        RunFixture.assertNothingLeft(result);
    }

    @Test
    void shouldCallATimerDrivenDeviceOncePerTickWithAFreshTimesliceAndEndAfterItsTicks()
    {
        final RunFixture fixture = new RunFixture(dir);
        final Path topology = fixture.write("timer.conf", """
            devices {
              ticker { use = test-emitter, inputs = ["tick:TMR/TICK/0?lifetime=timer&period=20ms&ticks=10"], outputs = ["data:TST/DATA/0"] }
              sink   { use = test-recorder, inputs = ["data:TST/DATA/0"] }
            }
            """);

        final RunResult result = fixture.run(topology);

        assertEquals(0, result.exitCode(), result::describe);
        assertEquals(10, result.metric("ticker.ticks"));
        assertEquals(9, result.metric("ticker.lastTick"), "ticks are numbered 0..9");
        assertEquals(10, result.metric("sink.calls"));
        assertEquals(0, result.metric("sink.outOfOrder"), "each tick is a new, larger timeslice");
        assertTrue(result.summary().path("wallSeconds").asDouble() >= 0.18, "10 ticks 20 ms apart take at least 180 ms");
        assertBalanced(result, 10);
        RunFixture.assertNothingLeft(result);
    }

    @Test
    void shouldStopAnEndlessTimerOnceTheRunsOtherSourcesHaveEnded()
    {
        final RunFixture fixture = new RunFixture(dir);
        // the ticker has no ticks limit: without the Driver stopping its clock this run would never end
        final Path topology = fixture.write("endless-timer.conf", """
            devices {
              ticker { use = test-emitter, inputs = ["tick:TMR/TICK/0?lifetime=timer&period=500ms"], outputs = ["ticks:TST/TICKS/0"] }
              source { use = test-emitter, outputs = ["data:TST/DATA/0"], options { timeslices = 20, period-ms = 5 } }
              sink   { use = test-recorder, inputs = ["data:TST/DATA/0", "ticks:TST/TICKS/0?lifetime=sporadic"] }
            }
            """);

        final RunResult result = fixture.run(topology);

        assertEquals(0, result.exitCode(), result::describe);
        assertEquals("ok", result.status());
        assertEquals(20, result.metric("sink.calls"));
        assertTrue(result.out().contains("ticker: stop requested by the Driver"), result::describe);
        assertEquals(20, result.timeslices("completed"), result.summary().path("timeslices")::toString);
        assertEquals(0, result.timeslices("lost"));
        RunFixture.assertNothingLeft(result);
    }

    @Test
    void shouldHandAnOrderedDeviceIncreasingTimeslicesFromReplicasThatFinishOutOfOrder()
    {
        final RunFixture fixture = new RunFixture(dir);
        final String topology = """
            devices {
              source { use = test-emitter, outputs = ["data:TST/DATA/0"], options { timeslices = 60 } }
              # replica 0 (timeslices 0, 3, 6, ...) holds each 20 ms; replicas 1 and 2 run ahead
              relay  { use = test-relay, pipeline = 3, inputs = ["in:TST/DATA/0"], outputs = ["out:TST/RELAYED/0"],
                       options { hold-ms = 20, slow-every = 3 } }
              sink   { use = test-recorder, completion = %s, inputs = ["in:TST/RELAYED/0"] }
            }
            """;

        final RunResult all = fixture.run(fixture.write("all.conf", topology.formatted("all")));
        assertEquals(0, all.exitCode(), all::describe);
        assertTrue(all.metric("sink.outOfOrder") > 0, "without ordering the sink sees the replicas' order: the setup works");

        final RunResult ordered = fixture.run(fixture.write("ordered.conf", topology.formatted("ordered")));
        assertEquals(0, ordered.exitCode(), ordered::describe);
        assertEquals(60, ordered.metric("sink.calls"));
        assertEquals(0, ordered.metric("sink.outOfOrder"), "completion = ordered: increasing timeslice ids");
        assertBalanced(ordered, 60);
        RunFixture.assertNothingLeft(ordered);
    }

    private static void assertBalanced(final RunResult result, final long produced)
    {
        final JsonNode slices = result.summary().path("timeslices");
        assertEquals(produced, result.timeslices("produced"), slices::toString);
        assertEquals(produced, result.timeslices("completed"), slices::toString);
        assertEquals(0, result.timeslices("dropped"), slices::toString);
        assertEquals(0, result.timeslices("lost"), slices::toString);
    }
}
