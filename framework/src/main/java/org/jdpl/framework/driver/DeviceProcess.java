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
import org.jdpl.framework.plan.PlannedDevice;

/**
 * One spawned device JVM: its process, and a pump that copies its output to the Driver's console
 * with the device's name in front, to its log file, to the run journal, and into a tail kept for
 * error messages.
 */
final class DeviceProcess
{
    private static final int TAIL_LINES = 20;

    private final PlannedDevice planned;
    private final String device;
    private final int replica;
    private final int restarts;
    private final Process process;
    private final LogTail tail = new LogTail(TAIL_LINES);
    private final Thread pump;
    private volatile boolean exited;
    private volatile int exitCode;

    private DeviceProcess(
        final PlannedDevice planned, final int replica, final int restarts, final Process process, final Path logFile,
        final PrintWriter console, final RunJournal journal)
    {
        this.planned = planned;
        this.device = planned.name();
        this.replica = replica;
        this.restarts = restarts;
        this.process = process;
        this.pump = Thread.ofVirtual().name("log-" + label()).start(() -> pumpOutput(logFile, console, journal));
    }

    static DeviceProcess start(
        final PlannedDevice planned, final int replica, final int restarts, final List<String> command, final Map<String, String> environment,
        final Path logFile, final PrintWriter console, final RunJournal journal)
    {
        final String device = planned.name();
        final ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (Boolean.getBoolean("jdpl.debug"))
        {
            console.println("[driver] " + String.join(" ", command));
        }
        builder.environment().put("JDPL_DEVICE", device);
        builder.environment().put("JDPL_REPLICA", Integer.toString(replica));
        builder.environment().putAll(environment);
        try
        {
            return new DeviceProcess(planned, replica, restarts, builder.start(), logFile, console, journal);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot start the process of device '" + device + "': " + ex.getMessage(), ex);
        }
    }

    String device()
    {
        return device;
    }

    PlannedDevice planned()
    {
        return planned;
    }

    /** How many times this replica was started before this process. */
    int restarts()
    {
        return restarts;
    }

    int replica()
    {
        return replica;
    }

    /** {@code name} or {@code name#r} when the device has replicas. */
    String label()
    {
        return device + "#" + replica;
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
        final String prefix = "[" + label() + "] ";
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
                journal.log(label(), line);
            }
        }
        catch (final IOException ex)
        {
            tail.add("(output of " + label() + " could not be read: " + ex.getMessage() + ")");
        }
    }
}
