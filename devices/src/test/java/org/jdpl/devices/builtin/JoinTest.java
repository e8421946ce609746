package org.jdpl.devices.builtin;

import static org.jdpl.devices.builtin.RunRig.route;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.jdpl.framework.plan.Completion;
import org.jdpl.framework.plan.FailurePolicy;
import org.jdpl.framework.plan.PlannedDevice;
import org.jdpl.framework.run.DeviceExitCode;
import org.jdpl.framework.runner.DeviceOutcome;
import org.jdpl.framework.runner.DeviceRunner;
import org.jdpl.framework.spec.InputSpec;
import org.jdpl.framework.spec.OutputSpec;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Two sources feeding a two-input device with two replicas, over real IPC: timeslice completion across producers. */
class JoinTest
{
    private static final int TIMESLICES = 400;

    @TempDir
    Path runDir;

    @ParameterizedTest
    @EnumSource(value = Completion.class, names = {"ALL", "ORDERED"})
    @Timeout(60)
    void shouldJoinInputsFromTwoProducers(final Completion completion) throws Exception
    {
        try (RunRig rig = new RunRig(runDir))
        {
            rig.plan(
                source("source-a", "out:TST/A/0", 64, route("out", "TST/A/0", "join", 2, 100)),
                source("source-b", "out:TST/B/0", 1000, route("out", "TST/B/0", "join", 2, 100)),
                new PlannedDevice("join", "test-pair-check", 2, completion, "{}",
                    List.of(InputSpec.parse("a:TST/A"), InputSpec.parse("b:TST/B")), List.of(), 100, 2, List.of(),
                    "backoff", FailurePolicy.DEFAULT, "test.conf:3"));
            final DeviceRunner[] joins = {rig.start("join", 0), rig.start("join", 1)};
            rig.start("source-a", 0);
            rig.start("source-b", 0);
            for (int r = 0; r < 2; r++)
            {
                final DeviceOutcome outcome = RunRig.await(joins[r]);
                assertEquals(DeviceExitCode.OK, outcome.exitCode(), outcome.toString());
                assertEquals(TIMESLICES / 2, outcome.report().timeslicesIn());
                assertEquals(TIMESLICES / 2.0, outcome.report().metrics().get("pairs"));
                assertEquals(null, outcome.report().metrics().get("bad"));
                assertEquals(0, outcome.report().timeslicesDropped());
                if (completion == Completion.ORDERED)
                {
                    assertEquals(0.0, outcome.report().metrics().get("out-of-order"));
                }
            }
        }
    }

    private static PlannedDevice source(final String name, final String output, final int payloadBytes,
        final org.jdpl.framework.plan.Route route)
    {
        return new PlannedDevice(name, "counter-source", 1, Completion.ALL,
            "{timeslices = " + TIMESLICES + ", payload-bytes = " + payloadBytes + "}",
            List.of(), List.of(OutputSpec.parse(output)), 0, 0, List.of(route), "backoff", FailurePolicy.DEFAULT, "test.conf:1");
    }
}
