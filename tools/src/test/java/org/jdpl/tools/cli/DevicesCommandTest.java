package org.jdpl.tools.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DevicesCommandTest
{
    @Test
    void shouldListEachTypeWithSpecsAndOptions()
    {
        final DplRun run = DplRun.run("devices");

        assertEquals(ExitCode.OK, run.exitCode(), run::toString);
        assertTrue(run.out().contains("test-source - test fixture test-source"), run::toString);
        assertTrue(run.out().contains("  outputs: out:TST/DATA/0"), run::toString);
        assertTrue(run.out().contains("  inputs:  in:TST/DATA"), run::toString);
        assertTrue(run.out().lines().anyMatch(l -> l.trim().matches("timeslices +integer +default 10 +1\\.\\.1000000000 +timeslices to produce")),
            run::toString);
        assertTrue(run.out().lines().anyMatch(l -> l.trim().matches("rate +number +default 0 +>= 0 +.*")), run::toString);
    }

    @Test
    void shouldPrintTheCatalogAsJson() throws Exception
    {
        final DplRun run = DplRun.run("devices", "--json");

        assertEquals(ExitCode.OK, run.exitCode(), run::toString);
        JsonNode source = null;
        for (final JsonNode type : new ObjectMapper().readTree(run.out()))
        {
            if ("test-source".equals(type.get("type").asText()))
            {
                source = type;
            }
        }
        assertNotNull(source, run::toString);
        assertEquals("out:TST/DATA/0", source.get("outputs").get(0).asText());
        final JsonNode timeslices = source.get("options").get(0);
        assertEquals("timeslices", timeslices.get("name").asText());
        assertEquals("integer", timeslices.get("type").asText());
        assertEquals(10, timeslices.get("default").asInt());
        assertEquals(1, timeslices.get("min").asLong());
        assertEquals(1_000_000_000, timeslices.get("max").asLong());
        assertTrue(source.get("options").get(2).get("max").isNull(), "an open bound is null");
    }

    @ParameterizedTest
    @ValueSource(strings = {"validate", "graph", "devices"})
    void shouldGiveHelpForEverySubcommand(final String command)
    {
        final DplRun run = DplRun.run(command, "--help");

        assertEquals(ExitCode.OK, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("Usage: dpl " + command), run::toString);
    }
}
