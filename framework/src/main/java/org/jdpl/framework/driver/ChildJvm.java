package org.jdpl.framework.driver;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

import org.jdpl.framework.journal.RunJournal;

/**
 * One spawned JVM of a run (a device replica's, or a process group's): its process, the largest
 * resident set seen, and a pump that copies its output to the Driver's console with the process's
 * name in front, to its log file, to the run journal, and into a tail kept for error messages.
 */
final class ChildJvm
{
    private static final int TAIL_LINES = 20;

    private final String label;
    private final Process process;
    private final LogTail tail = new LogTail(TAIL_LINES);
    private final Thread pump;
    private volatile boolean exited;
    private volatile int exitCode;
    private volatile long rssMaxBytes;

    private ChildJvm(final String label, final Process process, final Path logFile, final PrintWriter console, final RunJournal journal)
    {
        this.label = label;
        this.process = process;
        this.pump = Thread.ofVirtual().name("log-" + label).start(() -> pumpOutput(logFile, console, journal));
    }

    /**
     * Starts {@code command}; {@code label} names it in the console and journal, {@code environment}
     * is added to the Driver's. {@code what} says what failed to start, for the message.
     */
    static ChildJvm start(
        final String label, final String what, final List<String> command, final Map<String, String> environment,
        final Path logFile, final PrintWriter console, final RunJournal journal)
    {
        final ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (Boolean.getBoolean("jdpl.debug"))
        {
            console.println("[driver] " + String.join(" ", command));
        }
        builder.environment().putAll(environment);
        try
        {
            return new ChildJvm(label, builder.start(), logFile, console, journal);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot start the process of " + what + ": " + ex.getMessage(), ex);
        }
    }

    String label()
    {
        return label;
    }

    long pid()
    {
        return process.pid();
    }

    /** Polls the process; true once it has exited (and its output has been read to the end). */
    boolean pollExited()
    {
        if (!exited && !process.isAlive())
        {
            exitCode = process.exitValue();
            joinPump();
            exited = true;
        }
        return exited;
    }

    int exitCode()
    {
        return exitCode;
    }

    List<String> lastLines()
    {
        return tail.lines();
    }

    /** Notes a sample of the resident set (bytes; negative when it could not be read). */
    void sampledRss(final long bytes)
    {
        if (bytes > rssMaxBytes)
        {
            rssMaxBytes = bytes;
        }
    }

    /** The largest resident set sampled (the kernel's high-water mark where it could be read), 0 if never. */
    long rssMaxBytes()
    {
        return rssMaxBytes;
    }

    /** Asks the process to stop (SIGTERM). */
    void terminate()
    {
        process.destroy();
    }

    /** Kills the process (SIGKILL). */
    void kill()
    {
        process.destroyForcibly();
    }

    private void joinPump()
    {
        try
        {
            pump.join(2_000);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    private void pumpOutput(final Path logFile, final PrintWriter console, final RunJournal journal)
    {
        final String prefix = "[" + label + "] ";
        try
        {
            RunDirectories.createPrivateFile(logFile);
        }
        catch (final IOException ex)
        {
            tail.add("(log file " + logFile + " could not be created: " + ex.getMessage() + ")");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            BufferedWriter log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND))
        {
            String line;
            while ((line = reader.readLine()) != null)
            {
                tail.add(line);
                log.write(line);
                log.newLine();
                log.flush();
                console.println(prefix + line);
                journal.log(label, line);
            }
        }
        catch (final IOException ex)
        {
            tail.add("(output of " + label + " could not be read: " + ex.getMessage() + ")");
        }
    }
}
