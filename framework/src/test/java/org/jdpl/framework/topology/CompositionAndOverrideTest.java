package org.jdpl.framework.topology;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.jdpl.framework.plan.Plan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Several files make one topology; --set overrides reach full paths, device keys and options. */
class CompositionAndOverrideTest
{
    private static final String CHAIN = """
        devices {
          source { use = test-source, options { timeslices = 1000 } }
          fwd    { use = test-filter }
          sink   { use = test-sink }
        }
        """;

    @TempDir
    Path dir;

    @Test
    void shouldComposeDevicesFromSeveralFiles() throws IOException
    {
        final Path producers = TopologyTestSupport.write(dir, "producers.conf", """
            devices { source { use = test-source } }
            shm { inline-max = 1K }
            """);
        final Path consumers = TopologyTestSupport.write(dir, "consumers.conf", """
            devices {
              fwd  { use = test-filter }
              sink { use = test-sink }
            }
            shm { inline-max = 2K }
            """);

        final Plan plan = TopologyTestSupport.compileClean(List.of(producers, consumers), List.of()).plan();

        assertEquals(3, plan.devices().size());
        assertEquals(2048, plan.inlineMaxBytes(), "for keys other than devices, the later file wins");
        assertEquals(List.of(producers.toString(), consumers.toString()), plan.sources());
        assertEquals(consumers + ":2", plan.device("fwd").origin());
    }

    @Test
    void shouldSpliceADeviceIntoAChainDeclaredInAnEarlierFileByAmendingItsProducer() throws IOException
    {
        final Path chain = TopologyTestSupport.write(dir, "chain.conf", CHAIN);
        final Path splice = TopologyTestSupport.write(dir, "splice.conf", """
            devices {
              cut { use = test-filter, inputs = ["in:TST/UNCUT"] }
            }
            amend {
              fwd { outputs = ["out:TST/UNCUT/0"], options { threshold = 0.5 } }
            }
            """);

        final Plan plan = TopologyTestSupport.compileClean(List.of(chain, splice), List.of()).plan();

        assertEquals(List.of("cut"), plan.device("fwd").routes().stream().map(r -> r.consumer()).toList(), "fwd now feeds the spliced device");
        assertEquals(List.of("sink"), plan.device("cut").routes().stream().map(r -> r.consumer()).toList());
        assertTrue(plan.device("fwd").options().contains("\"threshold\":0.5"), plan.device("fwd").options());
        assertEquals(chain + ":3", plan.device("fwd").origin(), "an amended device is still where it was declared");
    }

    @Test
    void shouldMergeAnAmendedBlockKeyByKeyAndLetLaterAmendmentsWin() throws IOException
    {
        final Path chain = TopologyTestSupport.write(dir, "chain.conf", CHAIN);
        final Path first = TopologyTestSupport.write(dir, "first.conf", "amend { source { options { payload-bytes = 1K } }, fwd { pipeline = 2 } }\n");
        final Path second = TopologyTestSupport.write(dir, "second.conf", "amend { fwd { pipeline = 3 } }\n");

        final Plan plan = TopologyTestSupport.compileClean(List.of(chain, first, second), List.of()).plan();

        assertTrue(plan.device("source").options().contains("\"timeslices\":1000"), "the declared option stays: " + plan.device("source").options());
        assertTrue(plan.device("source").options().contains("\"payload-bytes\":\"1K\""), plan.device("source").options());
        assertEquals(3, plan.device("fwd").replicas());
    }

    @Test
    void shouldReportBadAmendmentsWithFileAndLine() throws IOException
    {
        final Path chain = TopologyTestSupport.write(dir, "chain.conf", CHAIN);
        final Path bad = TopologyTestSupport.write(dir, "bad.conf", """
            amend {
              fwdd   { pipeline = 2 }
              sink   { outptus = ["out:TST/X/0"] }
              source { use = test-filter }
              later  { pipeline = 2 }
            }
            """);
        final Path later = TopologyTestSupport.write(dir, "later.conf", "devices { later { use = test-sink, inputs = [\"in:TST/FILTERED\"] } }\n");

        final Compilation result = TopologyTestSupport.compile(List.of(chain, bad, later), List.of());

        assertNull(result.plan());
        final String report = result.problemReport().replace(dir + "/", "");
        final List<String> expected = List.of(
            "bad.conf:2: amends device 'fwdd', which no file declares; did you mean 'fwd'?",
            "bad.conf:3: device 'sink': unknown key 'outptus'; did you mean 'outputs'?",
            "bad.conf:4: amend cannot change the type of device 'source'",
            "bad.conf:5: amends device 'later', which is declared only later, at " + later + ":1");
        for (final String line : expected)
        {
            assertTrue(report.contains(line.replace(dir + "/", "")), "expected \"" + line + "\" in:\n" + report);
        }
        assertEquals(expected.size(), result.problems().size(), report);
    }

    @Test
    void shouldNotBlameAnAmendmentWhenTheFileDeclaringItsDeviceDoesNotParse() throws IOException
    {
        final Path broken = TopologyTestSupport.write(dir, "broken.conf", "devices {\n  fwd { use = test-filter\n");
        final Path splice = TopologyTestSupport.write(dir, "splice.conf", "amend { fwd { pipeline = 2 } }\n");

        final Compilation result = TopologyTestSupport.compile(List.of(broken, splice), List.of());

        assertEquals(1, result.problems().size(), result.problemReport());
        assertEquals(broken + ":3", result.problems().getFirst().location(), result.problemReport());
    }

    @Test
    void shouldStillRefuseADeviceDeclaredAgainAndPointToAmend() throws IOException
    {
        final Path chain = TopologyTestSupport.write(dir, "chain.conf", CHAIN);
        final Path again = TopologyTestSupport.write(dir, "again.conf", "devices { fwd { use = test-filter, pipeline = 2 } }\n");

        final Compilation result = TopologyTestSupport.compile(List.of(chain, again), List.of());

        assertEquals(1, result.problems().size(), result.problemReport());
        assertTrue(result.problems().getFirst().message().startsWith("device 'fwd' is declared twice"), result.problemReport());
        assertTrue(result.problems().getFirst().hint().contains("amend { fwd { ... } }"), result.problemReport());
    }

    @Test
    void shouldApplyFullPathShortDeviceKeyAndShortOptionOverrides() throws IOException
    {
        final Path file = TopologyTestSupport.write(dir, "chain.conf", CHAIN);

        final Compilation result = TopologyTestSupport.compileClean(List.of(file), List.of(
            "devices.source.options.timeslices=10", "fwd.pipeline=2", "source.payload-bytes=1M", "shm.inline-max=4K",
            "sink.options.expect=10"));

        final Plan plan = result.plan();
        assertTrue(plan.device("source").options().contains("\"timeslices\":10"), plan.device("source").options());
        assertTrue(plan.device("source").options().contains("\"payload-bytes\":\"1M\""), plan.device("source").options());
        assertTrue(plan.device("sink").options().contains("\"expect\":10"), plan.device("sink").options());
        assertEquals(2, plan.device("fwd").replicas());
        assertEquals(4096, plan.inlineMaxBytes());
        assertEquals(10, result.config().getInt("devices.source.options.timeslices"));
    }

    @Test
    void shouldSubstituteVarsSetOnTheCommandLine() throws IOException
    {
        final Path file = TopologyTestSupport.write(dir, "vars.conf", """
            vars { n = 5 }
            devices {
              source { use = test-source, options { timeslices = ${n} } }
              fwd    { use = test-filter, pipeline = ${n} }
              sink   { use = test-sink }
            }
            """);

        final Plan plan = TopologyTestSupport.compileClean(List.of(file), List.of("vars.n=2")).plan();

        assertEquals(2, plan.device("fwd").replicas());
        assertTrue(plan.device("source").options().contains("\"timeslices\":2"), plan.device("source").options());
    }

    @Test
    void shouldTakeNumbersFromTheEnvironmentWhereNumbersAreExpected() throws IOException
    {
        final Path file = TopologyTestSupport.write(dir, "env.conf", """
            devices {
              source { use = test-source, options { timeslices = ${COUNT} } }
              fwd    { use = test-filter, pipeline = ${REPLICAS} }
              sink   { use = test-sink }
            }
            """);

        final Compilation result = TopologyCompiler.compile(List.of(file), List.of(), TopologyTestSupport.CATALOG,
            java.util.Map.of("COUNT", "7", "REPLICAS", "3"));

        assertTrue(result.ok(), result::problemReport);
        assertEquals(3, result.plan().device("fwd").replicas());
        assertEquals(7, result.config().getInt("devices.source.options.timeslices"));
    }

    @Test
    void shouldLetTheLastOverrideOfAKeyWin() throws IOException
    {
        final Path file = TopologyTestSupport.write(dir, "chain.conf", CHAIN);

        final Plan plan = TopologyTestSupport.compileClean(List.of(file), List.of("fwd.pipeline=2", "fwd.pipeline=4")).plan();

        assertEquals(4, plan.device("fwd").replicas());
    }

    @Test
    void shouldAddADeviceGivenByFullPath() throws IOException
    {
        final Path file = TopologyTestSupport.write(dir, "chain.conf", CHAIN);

        final Plan plan = TopologyTestSupport.compileClean(List.of(file), List.of(
            "devices.extra.use=test-any", "devices.extra.inputs=[\"in:TST/FILTERED/0\"]")).plan();

        assertEquals("--set 'devices.extra.use=test-any'", plan.device("extra").origin());
        assertEquals(2, plan.device("fwd").routes().size());
    }

    @Test
    void shouldReportEveryProblemNotJustTheFirst() throws IOException
    {
        final Path file = TopologyTestSupport.write(dir, "bad.conf", """
            devices {
              source { use = test-source, options { timeslices = 0, payload-byte = 1 } }
              fwd    { use = test-filter, pipeline = 0, completion = some }
              sink   { use = test-sink, idle = spin }
            }
            shm { inline-max = -1 }
            extra = 1
            """);

        final Compilation result = TopologyTestSupport.compile(List.of(file), List.of("source.rate=-1", "nobody.x=1"));

        assertNull(result.plan());
        final String report = result.problemReport();
        final List<String> expected = List.of(
            "bad.conf:2: device 'source': option 'timeslices' = 0 is out of range",
            "bad.conf:2: device 'source': unknown option 'payload-byte'",
            "bad.conf:3: device 'fwd': pipeline = 0 is less than 1",
            "bad.conf:3: device 'fwd': bad completion 'some'",
            "bad.conf:4: device 'sink': bad idle 'spin'",
            "bad.conf:6: shm.inline-max must be positive",
            "bad.conf:7: unknown top-level key 'extra'",
            "--set 'nobody.x=1': no device 'nobody'",
            "--set 'source.rate=-1': device 'source': option 'rate' = -1 is out of range");
        assertEquals(expected.size(), result.problems().size(), report);
        for (int i = 0; i < expected.size(); i++)
        {
            final String line = result.problems().get(i).toString().replace(dir + "/", "");
            assertTrue(line.startsWith(expected.get(i)), "problem " + i + " in file and line order:\n" + report);
        }
    }

    @Test
    void shouldReportProblemsInEachOfSeveralFiles() throws IOException
    {
        final Path first = TopologyTestSupport.write(dir, "first.conf", "devices { source { use = test-sorce } }\n");
        final Path second = TopologyTestSupport.write(dir, "second.conf", "devices {\n  sink { use = test-sink\n");

        final Compilation result = TopologyTestSupport.compile(List.of(first, second), List.of());

        assertEquals(2, result.problems().size(), result.problemReport());
        assertEquals(first + ":1", result.problems().get(0).location(), "problems come in the order of the files");
        assertEquals(second + ":3", result.problems().get(1).location());
    }
}
