package org.jdpl.tools.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GraphCommandTest
{
    private static final String CHAIN = DplRun.TOPOLOGIES + "chain.conf";

    @Test
    void shouldDrawDotByDefault()
    {
        final DplRun run = DplRun.run("graph", CHAIN);

        assertEquals(ExitCode.OK, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("digraph topology {"), run::toString);
        assertTrue(run.out().contains("\"source\" -> \"fwd\" [label=\"TST/DATA/0\"];"), run::toString);
        assertTrue(run.out().contains("test-filter \u00d73"), run::toString);
    }

    @Test
    void shouldDrawMermaid()
    {
        final DplRun run = DplRun.run("graph", CHAIN, "--format", "mermaid");

        assertEquals(ExitCode.OK, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("flowchart LR"), run::toString);
        assertTrue(run.out().contains("-->|TST/FILTERED/0|"), run::toString);
    }

    @Test
    void shouldPrintThePlanAsJsonWithOverridesApplied() throws Exception
    {
        final DplRun run = DplRun.run("graph", CHAIN, "--format", "json", "--set", "fwd.pipeline=2");

        assertEquals(ExitCode.OK, run.exitCode(), run::toString);
        final JsonNode plan = new ObjectMapper().readTree(run.out());
        assertEquals("fwd", plan.get("devices").get(1).get("name").asText());
        assertEquals(2, plan.get("devices").get(1).get("replicas").asInt());
        assertEquals(2, plan.get("devices").get(2).get("upstreamProducers").asInt());
    }

    @Test
    void shouldSubstituteFromTheProcessEnvironment() throws Exception
    {
        final DplRun run = DplRun.run("graph", DplRun.TOPOLOGIES + "with-environment.conf", "--format", "json");

        assertEquals(ExitCode.OK, run.exitCode(), run::toString);
        final JsonNode options = new ObjectMapper().readTree(new ObjectMapper().readTree(run.out()).get("devices").get(0).get("options").asText());
        assertEquals(System.getenv().getOrDefault("HOME", "") + "/data", options.get("path").asText());
        assertEquals("src", options.get("label").asText(), "an unset optional substitution keeps the default");
    }

    @Test
    void shouldPrintProblemsOnStderrAndFail()
    {
        final DplRun run = DplRun.run("graph", DplRun.TOPOLOGIES + "unknown-option.conf");

        assertEquals(ExitCode.FAILED, run.exitCode(), run::toString);
        assertEquals("", run.out());
        assertTrue(run.err().startsWith(DplRun.TOPOLOGIES + "unknown-option.conf:2: device 'source': unknown option 'payload-byte'"),
            run::toString);
    }

    @Test
    void shouldRejectAnUnknownFormatAsUsage()
    {
        final DplRun run = DplRun.run("graph", CHAIN, "--format", "png");

        assertEquals(ExitCode.USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().contains("dot, mermaid, json"), run::toString);
    }
}
