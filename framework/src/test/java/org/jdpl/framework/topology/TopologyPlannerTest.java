package org.jdpl.framework.topology;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.jdpl.framework.plan.FailurePolicy;
import org.jdpl.framework.plan.Plan;
import org.jdpl.framework.plan.PlanReplicas;
import org.jdpl.framework.plan.PlannedDevice;
import org.jdpl.framework.plan.ProcessGroup;
import org.jdpl.framework.plan.Route;
import org.jdpl.framework.spec.DataSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The physical plan: order, stream ids, end-of-stream counts and routes. */
class TopologyPlannerTest
{
    @TempDir
    Path dir;

    private Plan plan(final String text) throws IOException
    {
        return TopologyTestSupport.compileClean(List.of(TopologyTestSupport.write(dir, "topo.conf", text)), List.of()).plan();
    }

    @Test
    void shouldMarkTheRoutesOfDurableChannelsAndCarryTheSegmentSize() throws Exception
    {
        final Plan plan = plan("""
            shm { segment-size = 3G, inline-max = 32K }
            channels { "TST/FILTERED" = chronicle, "TST/DATA" = shm }
            devices {
              source { use = test-source }
              fwd    { use = test-filter }
              sink   { use = test-sink }
            }
            """);

        assertEquals(List.of(new Route("out", DataSpec.parse("TST/DATA/0"), "fwd", "in", 1, 1001, false)), plan.device("source").routes());
        assertEquals(List.of(new Route("out", DataSpec.parse("TST/FILTERED/0"), "sink", "in", 1, 1002, true)), plan.device("fwd").routes());
        assertEquals(3L << 30, plan.segmentSizeBytes());
        assertEquals(32 * 1024, plan.inlineMaxBytes());
    }

    @Test
    void shouldPlanProcessGroupsWithTheirMembersInPlanOrder() throws IOException
    {
        final Plan plan = plan("""
            devices {
              sink   { use = test-sink, pipeline = 2, process = tail }
              source { use = test-source }
              fwd    { use = test-filter, pipeline = 2, process = tail }
            }
            """);

        assertEquals(List.of(new ProcessGroup("tail", List.of("fwd", "sink"), 2, plan.groups().get(0).origin())), plan.groups());
        assertTrue(plan.groups().get(0).origin().endsWith("topo.conf:2"), plan.groups().get(0).origin());
        assertEquals("tail", plan.groupOf("sink").name());
        assertEquals(null, plan.groupOf("source"));
        assertEquals(3, plan.processCount(), "the source, and one process per group replica");
        assertEquals(5, plan.replicaCount(), "each device replica keeps its counters and segment slot");
        assertEquals("tail[1]", plan.groups().get(0).processName(1));
    }

    @Test
    void shouldPlanAnAutoPipelineAtOneReplicaAndResizeItAsIfItHadBeenWrittenSo() throws IOException
    {
        final String topology = """
            devices {
              source { use = test-source }
              fwd    { use = test-filter, pipeline = %s }
              join   { use = test-any, pipeline = %s, inputs = ["a:TST/DATA/0", "b:TST/FILTERED/0"], outputs = ["out:TST/JOINED/0"] }
              sink   { use = test-sink, inputs = ["in:TST/JOINED/0"] }
            }
            """;
        final Plan auto = plan(topology.formatted("auto\n pipeline-max = 3", "auto"));
        assertEquals(1, auto.device("fwd").replicas());
        assertEquals(3, auto.device("fwd").autoPipelineMax());
        assertEquals(4, auto.device("join").autoPipelineMax(), "pipeline-max defaults to 4");
        assertEquals(0, auto.device("sink").autoPipelineMax());

        final Plan resized = PlanReplicas.resize(auto, Map.of("fwd", 3, "join", 2));
        final Plan written = plan(topology.formatted("3", "2"));
        for (final PlannedDevice device : written.devices())
        {
            final PlannedDevice other = resized.device(device.name());
            assertEquals(device.replicas(), other.replicas(), device.name());
            assertEquals(device.firstStreamId(), other.firstStreamId(), device.name());
            assertEquals(device.upstreamProducers(), other.upstreamProducers(), device.name());
            assertEquals(device.routes(), other.routes(), device.name());
        }
    }

    @Test
    void shouldMarkRoutesToConditionInputsSoThatEveryReplicaGetsThem() throws IOException
    {
        final Plan plan = plan("""
            devices {
              source { use = test-source }
              calib  { use = test-any, outputs = ["calib:TST/CALIB/0"] }
              sink   { use = test-any, pipeline = 2, inputs = ["in:TST/DATA/0", "calib:TST/CALIB/0?lifetime=condition"] }
            }
            """);

        assertTrue(plan.device("calib").routes().get(0).condition());
        assertTrue(!plan.device("source").routes().get(0).condition());
    }

    @Test
    void shouldGiveEachReplicaItsStreamAndCountUpstreamReplicas() throws IOException
    {
        final Plan plan = plan("""
            devices {
              source { use = test-source }
              fwd    { use = test-filter, pipeline = 3 }
              sink   { use = test-sink }
            }
            """);

        final PlannedDevice source = plan.device("source");
        final PlannedDevice fwd = plan.device("fwd");
        final PlannedDevice sink = plan.device("sink");
        assertEquals(0, source.firstStreamId());
        assertEquals(0, source.upstreamProducers());
        assertEquals(1001, fwd.firstStreamId());
        assertEquals(1, fwd.upstreamProducers());
        assertEquals(1004, sink.firstStreamId(), "fwd's three replicas listen on 1001, 1002, 1003");
        assertEquals(3, sink.upstreamProducers(), "each fwd replica sends the sink an end of stream");
        assertEquals(5, plan.processCount());

        assertEquals(List.of(new Route("out", DataSpec.parse("TST/DATA/0"), "fwd", "in", 3, 1001)), source.routes());
        assertEquals(List.of(new Route("out", DataSpec.parse("TST/FILTERED/0"), "sink", "in", 1, 1004)), fwd.routes());
        assertEquals(List.of(), sink.routes());
        assertEquals(1003, source.routes().get(0).streamIdFor(5), "timeslice 5 goes to replica 5 mod 3 = 2");
        assertTrue(source.isSource());
        assertTrue(sink.isSink());
    }

    @Test
    void shouldCarryEachDevicesFailurePolicyIntoThePlan() throws IOException
    {
        final Plan plan = plan("""
            devices {
              source { use = test-source }
              fwd    { use = test-filter, on-crash = restart, restart { max = 5, window = 10s }, on-error = skip-timeframe }
              qc     { use = test-sink, on-crash = expendable, inputs = ["in:TST/DATA"] }
              sink   { use = test-sink }
            }
            """);

        assertEquals(FailurePolicy.DEFAULT, plan.device("source").failurePolicy());
        assertEquals(new FailurePolicy(FailurePolicy.OnCrash.RESTART, 5, 10_000, FailurePolicy.OnError.SKIP_TIMEFRAME),
            plan.device("fwd").failurePolicy());
        assertEquals(FailurePolicy.OnCrash.EXPENDABLE, plan.device("qc").failurePolicy().onCrash());
    }

    @Test
    void shouldOrderProducersBeforeConsumersWhateverTheDeclarationOrder() throws IOException
    {
        final Plan plan = plan("""
            devices {
              sink   { use = test-sink }
              fwd    { use = test-filter }
              source { use = test-source }
            }
            """);

        assertEquals(List.of("source", "fwd", "sink"), names(plan));
        assertEquals(1001, plan.device("fwd").firstStreamId());
        assertEquals(1002, plan.device("sink").firstStreamId());
    }

    @Test
    void shouldKeepDeclarationOrderAmongIndependentDevices() throws IOException
    {
        final Plan plan = plan("""
            devices {
              right { use = test-source, outputs = ["out:TST/RIGHT/0"] }
              join  { use = test-join }
              left  { use = test-source, outputs = ["out:TST/LEFT/0"], pipeline = 2 }
            }
            """);

        assertEquals(List.of("right", "left", "join"), names(plan));
        assertEquals(3, plan.device("join").upstreamProducers(), "one right replica and two left replicas");
        assertEquals(List.of(new Route("out", DataSpec.parse("TST/LEFT/0"), "join", "left", 1, 1001)), plan.device("left").routes());
    }

    @Test
    void shouldRouteOneOutputToEveryMatchingConsumer() throws IOException
    {
        final Plan plan = plan("""
            devices {
              source { use = test-source, pipeline = 2 }
              a      { use = test-filter, outputs = ["out:TST/A/0"], pipeline = 2 }
              b      { use = test-filter, outputs = ["out:TST/B/0"] }
              asink  { use = test-sink, inputs = ["in:TST/A"] }
              bsink  { use = test-sink, inputs = ["in:TST/B"] }
            }
            """);

        assertEquals(List.of("source", "a", "b", "asink", "bsink"), names(plan));
        assertEquals(List.of(
            new Route("out", DataSpec.parse("TST/DATA/0"), "a", "in", 2, 1001),
            new Route("out", DataSpec.parse("TST/DATA/0"), "b", "in", 1, 1003)), plan.device("source").routes());
        assertEquals(2, plan.device("a").upstreamProducers());
        assertEquals(2, plan.device("b").upstreamProducers());
        assertEquals(1004, plan.device("asink").firstStreamId());
        assertEquals(2, plan.device("asink").upstreamProducers());
        assertEquals(1005, plan.device("bsink").firstStreamId());
        assertEquals(1, plan.device("bsink").upstreamProducers());
    }

    @Test
    void shouldGiveAStreamButNoProducersToADeviceWhoseInputsAreOptional() throws IOException
    {
        final Plan plan = plan("""
            devices {
              source { use = test-source }
              calib  { use = test-any, inputs = ["c:TST/CALIB?lifetime=optional"] }
            }
            """);

        assertEquals(1001, plan.device("calib").firstStreamId());
        assertEquals(0, plan.device("calib").upstreamProducers());
        assertEquals(List.of(), plan.device("source").routes());
    }

    @Test
    void shouldRenderMergedOptionsAsConciseJson() throws IOException
    {
        final Plan plan = plan("""
            devices { fwd { use = test-filter, inputs = ["in:TST/DATA?lifetime=optional"], options.threshold = 0.75 } }
            """);

        assertEquals("{\"threshold\":0.75}", plan.device("fwd").options());
    }

    private static List<String> names(final Plan plan)
    {
        return plan.devices().stream().map(PlannedDevice::name).toList();
    }
}
