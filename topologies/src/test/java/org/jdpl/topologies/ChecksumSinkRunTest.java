package org.jdpl.topologies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The checksum sink catches damage in a real run: a test-spoiler between source and sink flips a byte of
 * one timeslice and sends another timeslice's intact payload for a second, and the run summary counts
 * both. Once with every device in a process of its own (Aeron IPC), once with spoiler and sink sharing
 * one process (in-process rings). Duplicates: ChecksumSinkFeedTest in the devices module.
 */
@Timeout(120)
class ChecksumSinkRunTest
{
    private static final int TIMESLICES = 100;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"own processes", "one process"})
    void shouldCountCorruptAndMisnumberedTimeslicesInTheSummary(final String placement)
    {
        final String group = placement.equals("one process") ? "process = check" : "";
        final RunResult result = runSpoiled("corrupt-at = 10, misnumber-at = 20", group, "fail-on-error = false");

        assertEquals(0, result.exitCode(), result::describe);
        assertEquals(TIMESLICES, result.metric("sink.received"), result::describe);
        assertEquals(2, result.metric("sink.corrupt"), "timeslice 10 (flipped byte) and 20 (another timeslice's payload)");
        assertEquals(2, result.metric("sink.missing"), "a corrupt timeslice does not count as delivered");
        assertEquals(0, result.metric("sink.duplicates"));
        RunFixture.assertNothingLeft(result);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"corrupt-at", "misnumber-at"})
    void shouldFailTheRunOnOneDamagedTimeslice(final String damage)
    {
        final RunResult result = runSpoiled(damage + " = 7", "", "");

        assertNotEquals(0, result.exitCode(), () -> "one " + damage + " timeslice must fail the run: " + result.describe());
        assertEquals(1, result.metric("sink.corrupt"), result::describe);
        assertTrue(result.describe().contains("1 corrupt"), result::describe);
        RunFixture.assertNothingLeft(result);
    }

    private RunResult runSpoiled(final String spoilerOptions, final String group, final String sinkOptions)
    {
        final RunFixture fixture = new RunFixture(dir);
        final Path topology = fixture.write("spoiled.conf", """
            devices {
              source  { use = counter-source, options { timeslices = %d, payload-bytes = 256 } }
              spoiler {
                use = test-spoiler
                %s
                inputs = ["in:TST/COUNTER"]
                outputs = ["out:TST/SPOILED/0"]
                options { %s }
              }
              sink {
                use = checksum-sink
                %s
                inputs = ["in:TST/SPOILED"]
                options { expected-timeslices = %d, %s }
              }
            }
            """.formatted(TIMESLICES, group, spoilerOptions, group, TIMESLICES, sinkOptions));
        return fixture.run(topology);
    }
}
