package org.jdpl.topologies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dpl run} refuses, before it starts any process, a topology this machine cannot give what
 * it asks: one line per problem with the key's file:line, what the machine has and what to do.
 */
@Timeout(120)
class MachineLimitsRunTest
{
    @TempDir
    Path dir;

    @Test
    void shouldRefuseASegmentLargerThanTheFreeSharedMemoryAtItsKey() throws IOException
    {
        final RunFixture fixture = new RunFixture(dir);
        final Path topology = fixture.write("huge.conf", """
            devices {
              source { use = test-probe-source }
              sink   { use = test-probe-sink }
            }
            shm { segment-size = 64T }
            """);

        final RunResult result = fixture.run(topology);

        assertRefusedInOneLine(fixture, result, "huge.conf:5: shm.segment-size = 64.0 TiB does not fit in the shared memory");
        assertTrue(result.err().contains(" free there; lower shm.segment-size"), result::describe);
    }

    @Test
    void shouldRefuseHeapsLargerThanTheAvailableMemoryAtTheHeapKey() throws IOException
    {
        final RunFixture fixture = new RunFixture(dir);
        final Path topology = fixture.write("heap.conf", """
            devices {
              source { use = test-probe-source }
              sink   { use = test-probe-sink
                       jvm { heap = 16T } }
            }
            """);

        final RunResult result = fixture.run(topology);

        assertRefusedInOneLine(fixture, result, "heap.conf:4: the run needs about 16.0 TiB of memory");
        assertTrue(result.err().contains("device 'sink', jvm.heap = 16.0 TiB") && result.err().contains(" available; lower its jvm.heap"),
            result::describe);
    }

    @Test
    void shouldRefuseMoreProcessesThanTheCoresCanCarryAtThePipelineKey() throws IOException
    {
        final int cores = Runtime.getRuntime().availableProcessors();
        final int replicas = 32 * cores + 1;
        Assumptions.assumeTrue(replicas <= 1024, "skipped: " + cores + " cores take more replicas than a device may have");
        final RunFixture fixture = new RunFixture(dir);
        final Path topology = fixture.write("wide.conf", """
            devices {
              source { use = test-probe-source }
              sink   { use = test-probe-sink,
                       pipeline = %d }
            }
            """.formatted(replicas));

        final RunResult result = fixture.run(topology);

        assertEquals(1, result.exitCode(), result::describe);
        assertTrue(result.err().contains("wide.conf:4: " + (replicas + 1) + " device processes are more than 32 a core on this machine's " +
            cores + " cores"), result::describe);
        // A machine short of memory for them says so too, on a line of its own with its own key.
        for (final String line : result.err().strip().lines().toList())
        {
            assertTrue(line.contains("wide.conf:"), "every line says where: " + line);
        }
        assertNothingStarted(fixture);
    }

    @Test
    void shouldRefuseAPipelineBeyondTheFrameworksLimitBeforeAskingTheMachine() throws IOException
    {
        final RunFixture fixture = new RunFixture(dir);
        final Path topology = fixture.write("pipeline.conf", """
            devices {
              source { use = test-probe-source }
              sink   { use = test-probe-sink, pipeline = 100000 }
            }
            """);

        final RunResult result = fixture.run(topology);

        assertRefusedInOneLine(fixture, result, "pipeline.conf:3: device 'sink': pipeline = 100000 is more than the 1024 replicas");
    }

    private static void assertRefusedInOneLine(final RunFixture fixture, final RunResult result, final String expected) throws IOException
    {
        assertEquals(1, result.exitCode(), result::describe);
        assertTrue(result.err().contains(expected), () -> "expected '" + expected + "' in:\n" + result.describe());
        assertEquals(1, result.err().strip().lines().count(), "one line, no stack trace:\n" + result.err());
        assertNothingStarted(fixture);
    }

    /** No run directory: the Driver refused before it made one, so no process can have started. */
    private static void assertNothingStarted(final RunFixture fixture) throws IOException
    {
        if (Files.exists(fixture.runsDir()))
        {
            try (Stream<Path> runs = Files.list(fixture.runsDir()))
            {
                final List<Path> made = runs.toList();
                assertTrue(made.isEmpty(), "no run was set up: " + made);
            }
        }
        assertFalse(RunFixture.liveDevices().stream().findAny().isPresent(), "no device process");
    }
}
