package org.jdpl.tools.cli;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValidateCommandTest
{
    private static final String T = DplRun.TOPOLOGIES;
    private static final Pattern PROBLEM_LINE = Pattern.compile("[^ :]+\\.conf(:\\d+)?: \\S.*");

    @Test
    void shouldSayOkWithDeviceAndProcessCountsForACleanTopology()
    {
        final DplRun run = DplRun.run("validate", T + "chain.conf");

        assertEquals(ExitCode.OK, run.exitCode(), run::toString);
        assertEquals("ok: 3 devices, 5 processes (" + T + "chain.conf)\n", run.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"unknown-option.conf", "syntax-error.conf", "dangling-and-cycle.conf", "many-problems.conf"})
    void shouldPrintOneLinePerProblemWithFileAndLineAndNoStackTrace(final String file)
    {
        final DplRun run = DplRun.run("validate", T + file);

        assertEquals(ExitCode.FAILED, run.exitCode(), run::toString);
        final List<String> lines = run.out().lines().toList();
        assertFalse(lines.isEmpty(), run::toString);
        for (final String line : lines)
        {
            assertTrue(PROBLEM_LINE.matcher(line).matches(), () -> "not a 'file:line: message' line: " + line);
            assertTrue(line.startsWith(T + file + ":"), line);
        }
        final String all = run.out() + run.err();
        assertFalse(all.contains("Exception"), run::toString);
        assertFalse(all.contains("\tat "), run::toString);
        assertTrue(run.err().contains(lines.size() == 1 ? "1 problem" : lines.size() + " problems"), run::toString);
    }

    @Test
    void shouldNameTheSeedingGridOptionsThatCannotMakeAGrid()
    {
        final DplRun run = DplRun.run("validate", T + "seeder-grid.conf");

        assertEquals(ExitCode.FAILED, run.exitCode(), run::toString);
        assertEquals(List.of(
            T + "seeder-grid.conf:4: device 'seeder': option 'grid-phi-bins' = 0 is out of range: it must be 1..4096",
            T + "seeder-grid.conf:4: device 'seeder': option 'grid-z-bin' = -5 is out of range: it must be 1..10000"),
            run.out().lines().map(l -> l.substring(0, l.indexOf(';'))).toList(), run::toString);
    }

    @Test
    void shouldReportEveryProblemOfAFile()
    {
        final DplRun run = DplRun.run("validate", T + "many-problems.conf");

        assertEquals(List.of(
            T + "many-problems.conf:2: device 'source': unknown device type 'test-sorce'",
            T + "many-problems.conf:3: device 'fwd': pipeline = 0 is less than 1",
            T + "many-problems.conf:3: device 'fwd': option 'threshold' = 7 is out of range: it must be 0..1",
            T + "many-problems.conf:4: device 'sink': bad completion 'sometimes'",
            T + "many-problems.conf:6: shm.inline-max is not a size: the string \"lots\""),
            run.out().lines().map(l -> l.substring(0, l.indexOf(';'))).toList(), run::toString);
    }

    @Test
    void shouldNameTheDevicesOfACycleAndTheDanglingInput()
    {
        final DplRun run = DplRun.run("validate", T + "dangling-and-cycle.conf");

        assertTrue(run.out().contains(T + "dangling-and-cycle.conf:5: device 'sink': input 'in:TST/NOPE' has no producer"), run::toString);
        assertTrue(run.out().contains(T + "dangling-and-cycle.conf:3: cycle: a -> b -> a"), run::toString);
    }

    @Test
    void shouldLocateAProblemInASetOverride()
    {
        final DplRun run = DplRun.run("validate", T + "chain.conf", "--set", "source.timeslices=x");

        assertEquals(ExitCode.FAILED, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("--set 'source.timeslices=x': device 'source': option 'timeslices' must be an integer"), run::toString);
    }

    @Test
    void shouldApplySetOverridesToTheCounts()
    {
        final DplRun run = DplRun.run("validate", T + "chain.conf", "--set", "fwd.pipeline=1");

        assertEquals(ExitCode.OK, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("ok: 3 devices, 3 processes"), run::toString);
    }

    @Test
    void shouldReportAMissingFileAsAProblem()
    {
        final DplRun run = DplRun.run("validate", T + "no-such.conf");

        assertEquals(ExitCode.FAILED, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith(T + "no-such.conf: no such file"), run::toString);
    }

    @Test
    void shouldExitWithUsageWithoutFiles()
    {
        final DplRun run = DplRun.run("validate");

        assertEquals(ExitCode.USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().contains("FILE"), run::toString);
    }
}
