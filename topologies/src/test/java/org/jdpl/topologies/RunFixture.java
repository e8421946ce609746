package org.jdpl.topologies;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import org.jdpl.framework.driver.ProcStat;
import org.jdpl.tools.Dpl;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

/** Runs {@code dpl run} in this JVM (device processes are real JVMs) and checks what a run leaves behind. */
final class RunFixture
{
    private final Path dir;
    private final ConsoleBuffer out = new ConsoleBuffer();
    private final ConsoleBuffer err = new ConsoleBuffer();

    RunFixture(final Path dir)
    {
        this.dir = dir;
    }

    Path write(final String name, final String topology)
    {
        try
        {
            return Files.writeString(dir.resolve(name), topology);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    Path summaryFile()
    {
        return dir.resolve("summary.json");
    }

    Path runsDir()
    {
        return dir.resolve("runs");
    }

    String console()
    {
        return out.toString();
    }

    /** {@code dpl run FILE --summary-json ... --runs-dir ... extra...}, to its end. */
    RunResult run(final Path topology, final String... extra)
    {
        final List<String> args = new ArrayList<>(List.of("run", topology.toString(),
            "--summary-json", summaryFile().toString(), "--runs-dir", runsDir().toString()));
        args.addAll(List.of(extra));
        final int exit = Dpl.execute(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
        return new RunResult(exit, out.toString(), err.toString(), RunResult.readSummary(summaryFile()));
    }

    /** The first replica of {@code name} in a run's summary. */
    static JsonNode deviceOf(final RunResult result, final String name)
    {
        for (final JsonNode device : result.summary().path("devices"))
        {
            if (device.path("name").asText().equals(name))
            {
                return device;
            }
        }
        throw new AssertionError("no device '" + name + "' in " + result.summary());
    }

    /** Device processes (a device's own, or a process group's) of runs started by this JVM that are still alive. */
    static List<ProcessHandle> liveDevices()
    {
        return ProcessHandle.current().descendants()
            .filter(p -> List.of(commandLine(p)).contains("org.jdpl.framework.runner.DeviceMain"))
            .toList();
    }

    /** Kills every device process of this JVM's runs and waits for them to exit: after a failed case, so the next starts clean. */
    static void killDevices()
    {
        for (final ProcessHandle p : liveDevices())
        {
            p.destroyForcibly();
            p.onExit().join();
        }
    }

    /** A running device process of this JVM's run, by device name and replica. */
    static ProcessHandle device(final String name, final int replica)
    {
        for (final ProcessHandle p : liveDevices())
        {
            final String[] args = commandLine(p);
            final int n = args.length;
            if (n >= 2 && args[n - 2].equals(name) && args[n - 1].equals(Integer.toString(replica)))
            {
                return p;
            }
        }
        return null;
    }

    /** The process's arguments (from /proc: ProcessHandle.Info may leave out long command lines). */
    private static String[] commandLine(final ProcessHandle p)
    {
        return ProcStat.commandLine(p.pid()).split(" ");
    }

    static void await(final String what, final long timeoutMs, final BooleanSupplier condition)
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() > deadline)
            {
                fail("timed out after " + timeoutMs + " ms waiting for " + what);
            }
            try
            {
                TimeUnit.MILLISECONDS.sleep(20); // polling interval of a condition with a deadline, not a synchronisation
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                fail("interrupted waiting for " + what);
            }
        }
    }

    /** After any ending: no device process left, and the run's shared memory is gone. */
    static void assertNothingLeft(final RunResult result)
    {
        await("device processes to be gone", 10_000, () -> liveDevices().isEmpty());
        final JsonNode summary = result.summary();
        if (summary != null)
        {
            for (final JsonNode device : summary.path("devices"))
            {
                final long pid = device.path("pid").asLong();
                assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "device pid " + pid + " still alive");
            }
            final String runId = summary.path("run").asText();
            assertFalse(Files.exists(Path.of("/dev/shm", "jdpl-" + runId)), "/dev/shm/jdpl-" + runId + " left behind");
        }
    }
}
