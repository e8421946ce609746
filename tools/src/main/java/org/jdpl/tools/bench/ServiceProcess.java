package org.jdpl.tools.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.jdpl.framework.driver.JvmFlags;
import org.jdpl.gpu.service.ServiceMain;
import org.jdpl.gpu.service.ServiceRecord;
import org.jdpl.gpu.service.ServiceRegistry;

/**
 * A GPU service ({@code ServiceMain FILE RUNS_DIR}, what {@code dpl serve} runs) in a process of its
 * own, started by {@code dpl bench service} and by tests; its output goes to {@code <name>.service.log}
 * beside its file.
 */
public final class ServiceProcess implements AutoCloseable
{
    private static final long POLL_NS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final long REGISTER_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(120);

    private final Process process;
    private final Path log;
    private final ServiceRegistry registry;
    private final String name;

    private ServiceProcess(final Process process, final Path log, final ServiceRegistry registry, final String name)
    {
        this.process = process;
        this.log = log;
        this.registry = registry;
        this.name = name;
    }

    /**
     * Starts the service of {@code file} and returns once it has registered (its GPUs open).
     *
     * @throws IllegalStateException when it exits or does not register within 120 s (its log says why)
     */
    public static ServiceProcess start(final Path file, final String name, final Path runsDir)
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JvmFlags.load());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ServiceMain.class.getName(), file.toString(), runsDir.toString()));
        final Path log = file.resolveSibling(name + ".service.log");
        final Process process;
        try
        {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot start the service " + name + ": " + e.getMessage(), e);
        }
        final ServiceProcess service = new ServiceProcess(process, log, new ServiceRegistry(runsDir), name);
        final long deadline = System.nanoTime() + REGISTER_TIMEOUT_NS;
        while (process.isAlive() && !service.registered())
        {
            if (System.nanoTime() > deadline)
            {
                process.destroyForcibly();
                throw new IllegalStateException("service " + name + " did not register within 120 s: " + service.log());
            }
            LockSupport.parkNanos(POLL_NS); // polling a file another process writes, with a deadline
        }
        if (!process.isAlive())
        {
            throw new IllegalStateException("service " + name + " exited with " + process.exitValue() + ": " + service.log());
        }
        return service;
    }

    private boolean registered()
    {
        final ServiceRecord r = record();
        return r != null && r.pid() == process.pid();
    }

    /** Its registration as last written (counters at most a second old), or null. */
    public ServiceRecord record()
    {
        return registry.find(name);
    }

    public String log()
    {
        try
        {
            return Files.readString(log);
        }
        catch (final IOException e)
        {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    public long pid()
    {
        return process.pid();
    }

    /** SIGKILL, as a crash would. */
    public void kill() throws InterruptedException
    {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM: the service closes and removes its registration. */
    @Override
    public void close() throws InterruptedException
    {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS))
        {
            kill();
        }
    }
}
