package org.jdpl.framework.driver;

import java.util.List;
import java.util.Map;

import org.jdpl.framework.plan.Completion;
import org.jdpl.framework.plan.FailurePolicy;
import org.jdpl.framework.plan.Plan;
import org.jdpl.framework.plan.PlannedDevice;
import org.jdpl.framework.spec.InputSpec;
import org.jdpl.framework.spec.OutputSpec;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The replica choice from warm-up figures: proportional to the source, bounded by cores and max, one for fast or unmeasured devices. */
class AutoPipelineTest
{
    private static PlannedDevice device(final String name, final boolean source, final int autoMax)
    {
        final List<InputSpec> inputs = source ? List.of() : List.of(InputSpec.parse("in:TST/DATA"));
        return new PlannedDevice(name, "t", 1, Completion.ALL, "{}", inputs, List.of(OutputSpec.parse("out:TST/" + name.toUpperCase() + "/0")),
            source ? 0 : 1001, source ? 0 : 1, List.of(), "backoff", FailurePolicy.DEFAULT, "t.conf:1", null, autoMax);
    }

    private static final Plan PLAN = new Plan(List.of(
        device("src", true, 0), device("slow", false, 8), device("capped", false, 2), device("fast", false, 8),
        device("unmeasured", false, 8), device("fixed", false, 0)), 1, 65536, List.of());

    @Test
    void shouldGiveReplicasInProportionToTheSourceBoundedByCoresAndMax()
    {
        final Map<String, Double> ms = Map.of("src", 10.0, "slow", 35.0, "capped", 35.0, "fast", 0.5, "fixed", 100.0);

        final List<AutoPipeline.Choice> many = AutoPipeline.choose(PLAN, ms, 16);
        assertEquals(Map.of("slow", 4, "capped", 2, "fast", 1, "unmeasured", 1), AutoPipeline.replicas(many),
            "35 ms against a 10 ms source needs 4; capped at its max 2; fast and unmeasured stay at 1; fixed is not chosen");

        final List<AutoPipeline.Choice> two = AutoPipeline.choose(PLAN, ms, 2);
        assertEquals(2, AutoPipeline.replicas(two).get("slow"), "bounded by the cores");
        assertEquals(-1.0, two.get(3).msPerTf(), "unmeasured says so");
    }

    @Test
    void shouldNotReplicateADeviceAsFastAsTheSource()
    {
        final List<AutoPipeline.Choice> choices = AutoPipeline.choose(PLAN, Map.of("src", 40.0, "slow", 35.0), 16);
        assertEquals(1, AutoPipeline.replicas(choices).get("slow"));
    }
}
