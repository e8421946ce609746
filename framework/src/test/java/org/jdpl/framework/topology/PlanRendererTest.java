package org.jdpl.framework.topology;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jdpl.framework.plan.Plan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** dot, mermaid and JSON drawings of a plan. */
class PlanRendererTest
{
    private static final Plan CHAIN = TopologyTestSupport.compileClean(
        List.of(java.nio.file.Path.of("src/test/resources/good/chain.conf")), List.of()).plan();

    @Test
    void shouldDrawDotWithOneNodePerDeviceAndSpecLabelledEdges()
    {
        final String dot = PlanRenderer.render(CHAIN, PlanRenderer.Format.dot);

        assertTrue(dot.startsWith("digraph topology {"), dot);
        assertTrue(dot.contains("\"fwd\" [label=\"fwd\\ntest-filter \u00d73\"];"), dot);
        assertTrue(dot.contains("\"source\" -> \"fwd\" [label=\"TST/DATA/0\"];"), dot);
        assertTrue(dot.contains("\"fwd\" -> \"sink\" [label=\"TST/FILTERED/0\"];"), dot);
        assertEquals(2, dot.lines().filter(l -> l.contains("->")).count(), dot);
    }

    @Test
    void shouldDrawAProcessGroupAsABoxAroundItsMembers(@TempDir final java.nio.file.Path dir) throws Exception
    {
        final Plan grouped = TopologyTestSupport.compileClean(List.of(TopologyTestSupport.write(dir, "grouped.conf", """
            devices {
              source { use = test-source }
              fwd    { use = test-filter, process = tail }
              sink   { use = test-sink, process = tail }
            }
            """)), List.of()).plan();

        final String dot = PlanRenderer.render(grouped, PlanRenderer.Format.dot);
        assertTrue(dot.contains("subgraph \"cluster_tail\" {\n    label=\"process tail\";\n    style=dashed;\n    \"fwd\";\n    \"sink\";\n  }"), dot);
        final String mermaid = PlanRenderer.render(grouped, PlanRenderer.Format.mermaid);
        assertTrue(mermaid.contains("  subgraph g0[\"process tail\"]\n    d1\n    d2\n  end\n"), mermaid);
        final Plan read = new ObjectMapper().readValue(PlanRenderer.render(grouped, PlanRenderer.Format.json), Plan.class);
        assertEquals(grouped, read, "the groups go into the JSON plan and come back");
    }

    @Test
    void shouldDrawMermaidWithSafeIds()
    {
        final String mermaid = PlanRenderer.render(CHAIN, PlanRenderer.Format.mermaid);

        assertTrue(mermaid.startsWith("flowchart LR\n"), mermaid);
        assertTrue(mermaid.contains("d1[\"fwd<br/>test-filter \u00d73\"]"), mermaid);
        assertTrue(mermaid.contains("d0 -->|TST/DATA/0| d1"), mermaid);
        assertTrue(mermaid.contains("d1 -->|TST/FILTERED/0| d2"), mermaid);
    }

    @Test
    void shouldWriteThePlanRecordsAsJson() throws Exception
    {
        final JsonNode json = new ObjectMapper().readTree(PlanRenderer.render(CHAIN, PlanRenderer.Format.json));

        assertEquals(1, json.get("controlStreamId").asInt());
        assertEquals(65536, json.get("inlineMaxBytes").asLong());
        final JsonNode sink = json.get("devices").get(2);
        assertEquals("sink", sink.get("name").asText());
        assertEquals(1004, sink.get("firstStreamId").asInt());
        assertEquals(3, sink.get("upstreamProducers").asInt());
        assertFalse(sink.has("sink"), "derived is-getters are not data");
        assertEquals("fwd", json.get("devices").get(0).get("routes").get(0).get("consumer").asText());
    }

    @Test
    void shouldReadTheJsonBackIntoAnEqualPlan() throws Exception
    {
        final Plan read = new ObjectMapper().readValue(PlanRenderer.render(CHAIN, PlanRenderer.Format.json), Plan.class);

        assertEquals(CHAIN, read);
    }
}
