package org.jdpl.framework.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.jdpl.framework.plan.Completion;
import org.jdpl.framework.plan.FailurePolicy;
import org.jdpl.framework.plan.Plan;
import org.jdpl.framework.plan.PlannedDevice;
import org.jdpl.framework.plan.Route;
import org.jdpl.framework.spec.DataSpec;
import org.jdpl.framework.spec.InputSpec;
import org.jdpl.framework.spec.OutputSpec;
import org.junit.jupiter.api.Test;

/** Which queues a consumer replica tails, and which of them carries the end of stream it counts. */
class DurableChannelsTest
{
    private static final Path RUN = Path.of("/runs/r1");

    @Test
    void shouldCountOneEndOfStreamPerProducerReplica()
    {
        final PlannedDevice onlyDurable = producer("a", 2,
            new Route("x", DataSpec.parse("TST/X/0"), "sink", "in", 1, 1001, true),
            new Route("y", DataSpec.parse("TST/Y/0"), "sink", "in2", 1, 1001, true));
        final PlannedDevice mixed = producer("b", 1,
            new Route("x", DataSpec.parse("TST/X/1"), "sink", "in", 1, 1001, true),
            new Route("z", DataSpec.parse("TST/Z/0"), "sink", "in3", 1, 1001, false));
        final Plan plan = new Plan(List.of(onlyDurable, mixed), 1, 65536, List.of("t.conf"));

        final List<DurableChannels.Inbound> queues = DurableChannels.queuesInto(plan, RUN, "sink", 0);

        assertEquals(List.of(
            new DurableChannels.Inbound(DurableChannels.queueDir(RUN, "a", 0, "x", "sink", 0), true),
            new DurableChannels.Inbound(DurableChannels.queueDir(RUN, "a", 1, "x", "sink", 0), true),
            new DurableChannels.Inbound(DurableChannels.queueDir(RUN, "a", 0, "y", "sink", 0), false),
            new DurableChannels.Inbound(DurableChannels.queueDir(RUN, "a", 1, "y", "sink", 0), false),
            new DurableChannels.Inbound(DurableChannels.queueDir(RUN, "b", 0, "x", "sink", 0), false)), queues,
            "a's replicas each count once; b's end of stream comes over shared memory");
        assertEquals(Path.of("/runs/r1/queues/a.1.y.to.sink.0"), DurableChannels.queueDir(RUN, "a", 1, "y", "sink", 0));
        assertEquals(Path.of("/runs/r1/queues/a.1.y.to.sink.0.ack"), DurableChannels.ackFile(DurableChannels.queueDir(RUN, "a", 1, "y", "sink", 0)));
    }

    private static PlannedDevice producer(final String name, final int replicas, final Route... routes)
    {
        return new PlannedDevice(name, "test-source", replicas, Completion.ALL, "{}", List.<InputSpec>of(),
            List.of(OutputSpec.parse("x:TST/X/0")), 0, 0, List.of(routes), "backoff", FailurePolicy.DEFAULT, "t.conf:1");
    }
}
