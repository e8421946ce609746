package org.jdpl.transport.segment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real second JVM running a test main, spoken to through its stdin and stdout line by line.
 * Every wait has a deadline; close() kills the process if it still runs.
 */
final class ChildJvm implements AutoCloseable
{
    private static final String END_OF_OUTPUT = "\u0000end";

    private final Process process;
    private final PrintWriter input;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> transcript = new ArrayList<>();
    private final String name;

    private ChildJvm(final String name, final Process process)
    {
        this.name = name;
        this.process = process;
        this.input = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        Thread.ofPlatform().daemon().name("child-output-" + name).start(this::pumpOutput);
    }

    static ChildJvm start(final String name, final Class<?> mainClass, final String... args) throws IOException
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        final String flagsFile = System.getProperty("jdpl.jvmFlagsFile");
        if (flagsFile != null)
        {
            command.add("@" + flagsFile);
        }
        command.add("-Xmx128m");
        command.add("-XX:+UseSerialGC");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        return new ChildJvm(name, process);
    }

    void send(final String line)
    {
        input.println(line);
    }

    /** Waits for the next output line starting with {@code prefix}; other lines are kept for the failure message. */
    String expect(final String prefix, final long timeoutMs) throws InterruptedException
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (true)
        {
            final long leftNs = deadlineNs - System.nanoTime();
            final String line = leftNs > 0 ? lines.poll(leftNs, TimeUnit.NANOSECONDS) : null;
            if (line == null || line.equals(END_OF_OUTPUT))
            {
                throw new AssertionError("child " + name + " did not print '" + prefix + "' within " + timeoutMs + " ms" +
                    (line == null ? "" : " (it ended, exit code " + exitCodeOrRunning() + ")") + "; its output:\n" + transcript());
            }
            if (line.startsWith(prefix))
            {
                return line;
            }
        }
    }

    long pid()
    {
        return process.pid();
    }

    /** SIGKILL, as a crash would, then wait until the process is gone. */
    void killHard(final long timeoutMs) throws InterruptedException
    {
        process.destroyForcibly();
        if (!process.waitFor(timeoutMs, TimeUnit.MILLISECONDS))
        {
            throw new AssertionError("child " + name + " (pid " + process.pid() + ") survived kill -9 for " + timeoutMs + " ms");
        }
    }

    int awaitExit(final long timeoutMs) throws InterruptedException
    {
        if (!process.waitFor(timeoutMs, TimeUnit.MILLISECONDS))
        {
            throw new AssertionError("child " + name + " did not exit within " + timeoutMs + " ms; its output:\n" + transcript());
        }
        return process.exitValue();
    }

    synchronized String transcript()
    {
        return String.join("\n", transcript);
    }

    @Override
    public void close()
    {
        input.close();
        if (process.isAlive())
        {
            process.destroyForcibly();
            try
            {
                process.waitFor(10, TimeUnit.SECONDS);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }
    }

    private String exitCodeOrRunning()
    {
        return process.isAlive() ? "still running" : String.valueOf(process.exitValue());
    }

    private void pumpOutput()
    {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)))
        {
            String line;
            while ((line = reader.readLine()) != null)
            {
                synchronized (this)
                {
                    transcript.add(line);
                }
                lines.add(line);
            }
        }
        catch (final IOException ex)
        {
            synchronized (this)
            {
                transcript.add("(output read failed: " + ex + ")");
            }
        }
        lines.add(END_OF_OUTPUT);
    }
}
