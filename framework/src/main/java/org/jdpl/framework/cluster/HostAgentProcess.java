package org.jdpl.framework.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jdpl.framework.driver.AotCache;
import org.jdpl.framework.driver.JvmFlags;
import org.jdpl.framework.plan.PlannedHost;

/** One host's agent process as the launching host sees it: started through the launcher, its output in a log file. */
final class HostAgentProcess
{
    private static final long CLEAN_TIMEOUT_SECONDS = 30;

    private final String host;
    private final Process process;
    private final Path hostDir;
    private int exitCode = -1;

    private HostAgentProcess(final String host, final Process process, final Path hostDir)
    {
        this.host = host;
        this.process = process;
        this.hostDir = hostDir;
    }

    /**
     * Starts {@code host}'s agent, which sends its counters to {@code countersTo} and takes commands
     * from {@code commandsFrom} (each {@code address:port} of the launching host), both tagged with the
     * run's secret, read from {@code secretFile}.
     */
    static HostAgentProcess start(final ClusterContext ctx, final Path planFile, final PlannedHost planned, final String countersTo,
        final String commandsFrom, final Path secretFile)
    {
        final String host = planned.name();
        final Path hostDir = ctx.runDir().resolve("hosts").resolve(host);
        final List<String> agent = agentCommand(ctx, host, planFile.toAbsolutePath().toString(), host,
            hostDir.resolve("runs").toAbsolutePath().toString(), summaryFile(hostDir).toAbsolutePath().toString(), countersTo, commandsFrom,
            secretFile.toAbsolutePath().toString());
        try
        {
            Files.createDirectories(hostDir);
            final Process process = new ProcessBuilder(ctx.launcher().command(host, planned.address(), agent))
                .redirectErrorStream(true).redirectOutput(log(hostDir).toFile()).start();
            return new HostAgentProcess(host, process, hostDir);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot start the host agent of '" + host + "': " + e.getMessage(), e);
        }
    }

    /**
     * After this agent died: removes what its runs left on its host (shared memory, device processes),
     * through the launcher as the agent was started; says what was done.
     */
    String cleanAfterDeath(final ClusterContext ctx, final String address)
    {
        final List<String> clean = agentCommand(ctx, host, HostAgentMain.CLEAN, hostDir.resolve("runs").toAbsolutePath().toString());
        try
        {
            final Process process = new ProcessBuilder(ctx.launcher().command(host, address, clean)).redirectErrorStream(true).start();
            final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            final boolean done = process.waitFor(CLEAN_TIMEOUT_SECONDS, TimeUnit.SECONDS) && process.exitValue() == HostAgentMain.OK;
            if (!done)
            {
                process.destroyForcibly();
            }
            return (done ? "cleaned up after it" : "cleaning up after it FAILED (run 'dpl clean' there)") +
                (output.isEmpty() ? "" : ": " + output.replace('\n', ';'));
        }
        catch (final IOException ex)
        {
            return "cannot clean up after it (" + ex.getMessage() + "); run 'dpl clean' there";
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return "cleaning up after it was interrupted; run 'dpl clean' there";
        }
    }

    /** {@code java <flags> HostAgentMain <arguments>} as an agent of {@code host} runs it. */
    private static List<String> agentCommand(final ClusterContext ctx, final String host, final String... arguments)
    {
        final List<String> command = new ArrayList<>();
        command.add(ctx.javaCommand());
        command.addAll(JvmFlags.load());
        command.addAll(ctx.agentJvmOptions());
        command.addAll(AotCache.driverStartOptions());
        command.add("-Djdpl.host=" + host);
        command.addAll(List.of("-cp", ctx.classPath(), HostAgentMain.class.getName()));
        command.addAll(List.of(arguments));
        return command;
    }

    static Path summaryFile(final Path hostDir)
    {
        return hostDir.resolve("summary.json");
    }

    static Path log(final Path hostDir)
    {
        return hostDir.resolve("agent.log");
    }

    String host()
    {
        return host;
    }

    long pid()
    {
        return process.pid();
    }

    /** True once it has exited; its exit code is then known. */
    boolean pollExited()
    {
        if (exitCode < 0 && !process.isAlive())
        {
            exitCode = process.exitValue();
        }
        return exitCode >= 0;
    }

    int exitCode()
    {
        return exitCode;
    }

    void stop()
    {
        process.destroy();
    }

    void kill()
    {
        process.destroyForcibly();
    }

    Path hostDir()
    {
        return hostDir;
    }
}
