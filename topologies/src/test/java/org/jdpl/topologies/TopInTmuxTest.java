package org.jdpl.topologies;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code dpl top} on a real terminal: tmux runs it against a live run; two captures of the pane
 * show the device names and a count that moved; 'p' pauses and resumes the sources; 'q' quits it,
 * and the run goes on undisturbed.
 */
@Timeout(150)
class TopInTmuxTest
{
    @TempDir
    Path dir;

    private final String socket = "jdpl-top-test-" + ProcessHandle.current().pid();

    @Test
    void shouldShowTheDevicesWithMovingCountsAndQuitOnQ() throws Exception
    {
        assumeTrue(tmuxAvailable(), "tmux is not installed; this test of dpl top's terminal view needs it (apt-get install tmux)");
        final Path topology = Files.writeString(dir.resolve("endless.conf"), ObserveRunTest.ENDLESS);
        final String runs = dir.resolve("runs").toString();
        try (DplProcess dpl = DplProcess.start("run", topology.toString(), "--runs-dir", runs))
        {
            ObserveRunTest.awaitRunning(dpl);
            final String runId = ObserveRunTest.runId(dpl.output());

            tmux("new-session", "-d", "-s", "top", "-x", "100", "-y", "30", topCommand(runId, runs));
            // a capture may catch top half-way through a redraw: wait for one that shows it all
            final String[] first = new String[1];
            RunFixture.await("top to show its title, every device with a count, and the edges", 60_000, () ->
            {
                final String screen = capture();
                first[0] = screen;
                return screen.contains("jdpl top  run " + runId) && screen.contains("source#0") && screen.contains("fwd#0") &&
                    sinkCount(screen) > 0 && screen.contains("source -> fwd.in");
            });
            RunFixture.await("the sink's count on top's screen to change", 20_000, () -> sinkCount(capture()) > sinkCount(first[0]));

            // p pauses the sources (every device reports it through its counters), p again resumes
            tmux("send-keys", "-t", "top", "p");
            RunFixture.await("the title to say PAUSED", 20_000, () -> capture().lines().findFirst().orElse("").contains("PAUSED"));
            tmux("send-keys", "-t", "top", "p");
            RunFixture.await("the title to drop PAUSED", 20_000, () -> !capture().lines().findFirst().orElse("").contains("PAUSED"));

            tmux("send-keys", "-t", "top", "q");
            RunFixture.await("top to quit on q", 20_000, () -> !sessionAlive());

            // the run did not notice: it still runs, and stops cleanly when asked
            assertTrue(dpl.descendants().size() == 3, "three device processes still running: " + dpl.output());
            dpl.signal("TERM");
            assertEquals(130, dpl.waitFor(60), dpl.output());
        }
        finally
        {
            runQuietly("tmux", "-L", socket, "kill-server");
        }
    }

    private static String topCommand(final String runId, final String runs)
    {
        final String flags = System.getProperty("jdpl.jvmFlagsFile");
        final List<String> words = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "@" + flags,
            "-Djdpl.jvmFlagsFile=" + flags, "-cp", System.getProperty("java.class.path"), "org.jdpl.tools.Dpl", "top", runId,
            "--runs-dir", runs);
        final StringBuilder command = new StringBuilder();
        for (final String word : words)
        {
            command.append(command.isEmpty() ? "" : " ").append('\'').append(word.replace("'", "'\\''")).append('\'');
        }
        return command.toString();
    }

    /** The number in the sink's "tf in" column, or -1. */
    private static long sinkCount(final String screen)
    {
        for (final String line : screen.lines().toList())
        {
            final String[] words = line.trim().split("\\s+");
            if (words.length > 3 && words[0].equals("sink#0"))
            {
                try
                {
                    return Long.parseLong(words[2]);
                }
                catch (final NumberFormatException ex)
                {
                    return -1;
                }
            }
        }
        return -1;
    }

    private String capture()
    {
        return tmux("capture-pane", "-p", "-t", "top");
    }

    private boolean sessionAlive()
    {
        return runQuietly("tmux", "-L", socket, "has-session", "-t", "top") == 0;
    }

    private String tmux(final String... args)
    {
        final List<String> command = new ArrayList<>(List.of("tmux", "-L", socket));
        command.addAll(List.of(args));
        try
        {
            final ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("TERM", "xterm-256color");
            final Process p = builder.start();
            final String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0)
            {
                throw new AssertionError(String.join(" ", args) + " failed: " + out);
            }
            return out;
        }
        catch (final IOException ex)
        {
            throw new AssertionError(ex);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }

    private static boolean tmuxAvailable()
    {
        return runQuietly("tmux", "-V") == 0;
    }

    private static int runQuietly(final String... command)
    {
        try
        {
            final Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(20, TimeUnit.SECONDS) ? p.exitValue() : -1;
        }
        catch (final IOException ex)
        {
            return -1;
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
