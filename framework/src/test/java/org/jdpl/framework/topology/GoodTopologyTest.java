package org.jdpl.framework.topology;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.jdpl.framework.plan.Completion;
import org.jdpl.framework.plan.Plan;
import org.jdpl.framework.plan.PlannedDevice;
import org.jdpl.framework.plan.RateLimit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every file in {@code good/} validates clean and plans; a few are checked in detail. */
class GoodTopologyTest
{
    private static final Path GOOD = Path.of("src/test/resources/good");

    static Stream<Path> goodFiles() throws IOException
    {
        try (Stream<Path> files = Files.list(GOOD))
        {
            return files.filter(f -> f.toString().endsWith(".conf")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goodFiles")
    void shouldValidateCleanAndPlan(final Path file)
    {
        final Compilation result = TopologyTestSupport.compileClean(List.of(file), List.of());
        assertNotNull(result.plan());
        assertEquals(List.of(file.toString()), result.plan().sources());
    }

    @Test
    void shouldResolveVarsEnvironmentAndOptionalSubstitutions()
    {
        final Plan plan = TopologyTestSupport.compileClean(List.of(GOOD.resolve("substitutions.conf")), List.of()).plan();
        final String options = plan.device("source").options();
        assertTrue(options.contains("\"timeslices\":42"), options);
        assertTrue(options.contains("\"path\":\"/home/test/data\""), options);
        assertTrue(options.contains("\"label\":\"src\""), "an unset optional substitution leaves the default: " + options);
    }

    @Test
    void shouldCarryEveryDeviceLevelSettingIntoThePlan()
    {
        final Plan plan = TopologyTestSupport.compileClean(List.of(GOOD.resolve("every-option.conf")), List.of()).plan();
        assertEquals(16 * 1024, plan.inlineMaxBytes());
        final PlannedDevice source = plan.device("source");
        assertEquals("busy-spin", source.idleStrategy());
        assertTrue(source.options().contains("\"payload-bytes\":\"16K\""), source.options());
        assertEquals(Completion.ORDERED, plan.device("fwd").completion());
        assertEquals(2, plan.device("fwd").replicas());
        assertEquals(Completion.ANY, plan.device("sink").completion());
        assertEquals("backoff", plan.device("sink").idleStrategy());
        assertEquals(GOOD.resolve("every-option.conf") + ":3", source.origin());
        assertEquals(new RateLimit(8, true), plan.rateLimit());
    }

    @Test
    void shouldTakeDevicesFromIncludedFiles()
    {
        final Plan plan = TopologyTestSupport.compileClean(List.of(GOOD.resolve("with-include.conf")), List.of()).plan();
        assertEquals(List.of("source", "fwd", "sink"), plan.devices().stream().map(PlannedDevice::name).toList());
        assertEquals(GOOD.resolve("parts/consumers.conf") + ":2", plan.device("fwd").origin());
    }

    @Test
    void shouldDefaultInlineMaxTo64KiB()
    {
        final Plan plan = TopologyTestSupport.compileClean(List.of(GOOD.resolve("chain.conf")), List.of()).plan();
        assertEquals(65536, plan.inlineMaxBytes());
        assertEquals(1, plan.controlStreamId());
        assertEquals(RateLimit.NONE, plan.rateLimit());
    }
}
