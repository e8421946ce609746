package org.jdpl.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jdpl.framework.catalog.DeviceLibrary;
import org.jdpl.testsupport.DeviceJars;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Device types from a jar outside the class path, compiled in the test: listed, validated, drawn and
 * run in real device processes (alone and in a process group), named by {@code --devices} or by the
 * topology's {@code libraries}; and each way a library can be wrong is one clear message.
 */
class DeviceLibraryTest
{
    private static final String CHAIN = """
        devices {
          source { use = counter-source, options { timeslices = 50 } }
          ext    { use = ext-forwarder }
          sink   { use = checksum-sink, options { expected-timeslices = 50 } }
        }
        """;

    @TempDir
    Path dir;
    private Path jar;

    @BeforeEach
    void buildTheLibrary() throws Exception
    {
        jar = DeviceJars.forwarder(Files.createDirectories(dir.resolve("lib")), "ext.jar", "ExtForwarder", "ext-forwarder");
    }

    @Test
    void shouldListTheLibrarysTypesWithWhereTheyComeFrom()
    {
        final DplRun run = DplRun.run("devices", "--devices", jar.toString());

        assertEquals(ExitCode.OK, run.exitCode(), run::toString);
        assertTrue(run.out().contains("ext-forwarder - test: forwards each payload, counting them\n" +
            "  inputs:  in:TST/COUNTER\n  outputs: out:TST/FORWARD/0\n  from:    " + jar + "\n"), run::toString);
        assertTrue(run.out().contains("counter-source - "), "the class path's types are still there: " + run);
    }

    @Test
    void shouldValidateAndDrawATopologyNamingTheLibraryRelativeToItself() throws Exception
    {
        final Path topology = Files.writeString(dir.resolve("topo.conf"), "libraries = [\"lib/ext.jar\"]\n" + CHAIN);

        final DplRun validate = DplRun.run("validate", topology.toString());
        assertEquals(ExitCode.OK, validate.exitCode(), validate::toString);
        assertTrue(validate.out().startsWith("ok: 3 devices"), validate::toString);

        final DplRun graph = DplRun.run("graph", topology.toString(), "--format", "json");
        assertEquals(ExitCode.OK, graph.exitCode(), graph::toString);
        final JsonNode plan = new ObjectMapper().readTree(graph.out());
        assertEquals(jar.toString(), plan.path("libraries").path("ext-forwarder").asText(), graph::toString);

        assertEquals(ExitCode.FAILED, DplRun.run("validate", Files.writeString(dir.resolve("without.conf"), CHAIN).toString()).exitCode(),
            "without the library its type is unknown");
    }

    @Test
    @Timeout(180)
    void shouldRunTheLibrarysDeviceInItsOwnProcessAndInAProcessGroup() throws Exception
    {
        final Path topology = Files.writeString(dir.resolve("topo.conf"), CHAIN);
        for (final List<String> grouping : List.of(List.<String>of(), List.of("--set", "ext.process=reco", "--set", "sink.process=reco")))
        {
            final Path summary = dir.resolve("summary-" + grouping.size() + ".json");
            final List<String> args = new java.util.ArrayList<>(List.of("run", topology.toString(), "--devices", jar.toString(),
                "--runs-dir", dir.resolve("runs").toString(), "--summary-json", summary.toString()));
            args.addAll(grouping);
            final DplRun run = DplRun.run(args.toArray(new String[0]));

            assertEquals(ExitCode.OK, run.exitCode(), run::toString);
            final JsonNode metrics = new ObjectMapper().readTree(summary.toFile()).path("metrics");
            assertEquals(50, metrics.path("ext.seen").asInt(), run::toString);
            assertEquals(50, metrics.path("sink.received").asInt(), run::toString);
            assertEquals(0, metrics.path("sink.corrupt").asInt(), run::toString);
        }
    }

    @Test
    void shouldSayOnceAndWhereWhenALibraryIsMissing() throws Exception
    {
        final Path topology = Files.writeString(dir.resolve("topo.conf"), CHAIN + "libraries = [\"lib/nope.jar\"]\n");

        final DplRun run = DplRun.run("validate", topology.toString());

        assertEquals(ExitCode.FAILED, run.exitCode(), run::toString);
        assertEquals(List.of(topology + ":6: device library " + dir.resolve("lib/nope.jar") + " does not exist"), run.out().lines().toList(),
            run::toString);
        final DplRun flag = DplRun.run("devices", "--devices", dir.resolve("nope.jar").toString());
        assertEquals(ExitCode.FAILED, flag.exitCode(), flag::toString);
        assertTrue(flag.err().contains("--devices: device library " + dir.resolve("nope.jar") + " does not exist"), flag::toString);
    }

    @Test
    void shouldSayWhenAJarHasNoDeviceTypes() throws Exception
    {
        DeviceJars.withoutDevices(dir.resolve("lib"), "plain.jar");
        final Path topology = Files.writeString(dir.resolve("topo.conf"), "libraries = [\"lib/plain.jar\"]\n" + CHAIN);

        final DplRun run = DplRun.run("validate", topology.toString());

        assertEquals(ExitCode.FAILED, run.exitCode(), run::toString);
        assertEquals(List.of(topology + ":1: device library " + dir.resolve("lib/plain.jar") +
            " has no device types (no META-INF/services/org.jdpl.framework.device.DeviceFactory listing classes of its own)"),
            run.out().lines().toList(), run::toString);
    }

    @Test
    void shouldSayWhichTwoJarsDefineTheSameType() throws Exception
    {
        final Path twin = DeviceJars.forwarder(dir.resolve("lib"), "twin.jar", "TwinForwarder", "ext-forwarder");
        final Path topology = Files.writeString(dir.resolve("topo.conf"), "libraries = [\n  \"lib/ext.jar\"\n  \"lib/twin.jar\"\n]\n" + CHAIN);

        final DplRun run = DplRun.run("validate", topology.toString());

        assertEquals(ExitCode.FAILED, run.exitCode(), run::toString);
        assertEquals(List.of(topology + ":3: device type 'ext-forwarder' is defined twice: by " + jar + " and by " + twin),
            run.out().lines().toList(), run::toString);

        final DplRun builtIn = DplRun.run("devices", "--devices",
            DeviceJars.forwarder(dir.resolve("lib"), "clash.jar", "Clash", "forwarder").toString());
        assertTrue(builtIn.err().contains("device type 'forwarder' is defined twice: by the class path and by "), builtIn::toString);
    }

    @Test
    void shouldReadTheDevicePathAsJarsAndDirectoriesOfJars() throws Exception
    {
        final Path other = Files.createFile(dir.resolve("other.jar"));
        assertEquals(List.of(new DeviceLibrary(jar, "$X"), new DeviceLibrary(other, "$X")),
            DeviceLibrary.fromPath(dir.resolve("lib") + ":" + other + ":", "$X"));
    }
}
