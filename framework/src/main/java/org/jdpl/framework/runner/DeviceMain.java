package org.jdpl.framework.runner;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.agrona.CloseHelper;
import org.jdpl.framework.plan.ProcessGroup;
import org.jdpl.framework.run.DeviceExitCode;
import org.jdpl.framework.run.DeviceReport;
import org.jdpl.framework.run.ManifestFile;
import org.jdpl.framework.run.ReportFile;
import org.jdpl.framework.run.RunLayout;
import org.jdpl.framework.run.RunManifest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of every device process:
 * {@code java @jvm.flags -cp CP org.jdpl.framework.runner.DeviceMain <run.manifest> <device> <replica>}, or
 * {@code ... DeviceMain <run.manifest> --group <process group> <replica>}. A device process is a group
 * of one: it runs replica {@code r} of each of its devices, each a {@link DeviceRunner} with its own
 * counters slot, payload-segment slot and report; a group's members feed each other through the
 * group's in-process rings ({@link GroupRings}). Exits with a {@link DeviceExitCode}; each report is in
 * {@link RunLayout#report} of the run directory, also when it fails.
 *
 * <p>Each member runs on its own thread with its own idle strategy. One thread for all (a composite
 * agent) would take one core for the whole chain and let one slow {@code process} call stall every
 * other member, control commands included; own threads let a two-core machine run two members at
 * once, and an idle member parks without holding back a busy one.
 *
 * <p>A group lives and dies as one: when a member fails, the others are closed (their reports say
 * so) and the process exits with the member's exit code, which the Driver reads as a crash of the
 * whole group. Otherwise it exits with the least clean code of its members.
 */
public final class DeviceMain
{
    /** The argument before a process group's name. */
    public static final String GROUP = "--group";
    private static final Logger LOG = LoggerFactory.getLogger(DeviceMain.class);
    private static final String USAGE = "usage: DeviceMain <path to run.manifest> [" + GROUP + "] <device or process group> <replica>";
    private static final long POLL_MS = 100;
    private static final long SHUTDOWN_WAIT_MS = 3_000;

    private DeviceMain()
    {
    }

    public static void main(final String[] args)
    {
        System.exit(run(args));
    }

    /** Runs the process's devices and returns the exit code (never exits the JVM itself). */
    static int run(final String[] args)
    {
        final boolean isGroup = args.length == 4 && GROUP.equals(args[1]);
        if (args.length != 3 && !isGroup)
        {
            LOG.error(USAGE);
            return DeviceExitCode.BAD_SETUP;
        }
        final Path manifestFile = Path.of(args[0]);
        final String name = args[isGroup ? 2 : 1];
        final String replicaArgument = args[isGroup ? 3 : 2];
        final int replica;
        final RunManifest manifest;
        try
        {
            replica = Integer.parseInt(replicaArgument);
            manifest = ManifestFile.read(manifestFile);
        }
        catch (final NumberFormatException e)
        {
            LOG.error("replica '{}' is not a number; {}", replicaArgument, USAGE);
            return DeviceExitCode.BAD_SETUP;
        }
        catch (final IOException e)
        {
            LOG.error("{}: cannot read the run manifest {}: {}", name, manifestFile, e.getMessage());
            return DeviceExitCode.BAD_SETUP;
        }
        final ProcessGroup group = isGroup ? groupOf(manifest, name, replica) : null;
        if (isGroup && group == null)
        {
            return DeviceExitCode.BAD_SETUP;
        }
        final GroupRings rings = isGroup ? GroupRings.of(manifest.plan(), group, replica) : null;
        final List<DeviceRunner> runners = new ArrayList<>();
        for (final String member : isGroup ? group.devices() : List.of(name))
        {
            try
            {
                runners.add(new DeviceRunner(new DeviceRunnerContext().manifest(manifest).deviceName(member).replica(replica)
                    .groupRings(rings)));
            }
            catch (final DeviceSetupException | RuntimeException e)
            {
                LOG.error("{}: cannot start: {}", member, e.getMessage());
                writeSetupFailure(manifest, member, replica, e.getMessage());
                CloseHelper.closeAll(runners);
                CloseHelper.close(rings);
                return DeviceExitCode.BAD_SETUP;
            }
        }
        if (isGroup)
        {
            LOG.info("process group '{}': {} device(s) in this process ({}), {} in-process ring(s)", group.processName(replica),
                runners.size(), String.join(", ", group.devices()), rings.ringCount());
        }
        final int exitCode = runToEnd(runners);
        if (rings != null && allEnded(runners))
        {
            rings.close(); // no member thread is left to touch them
        }
        return exitCode;
    }

    private static ProcessGroup groupOf(final RunManifest manifest, final String name, final int replica)
    {
        for (final ProcessGroup group : manifest.plan().groups())
        {
            if (group.name().equals(name) && replica >= 0 && replica < group.replicas())
            {
                return group;
            }
        }
        LOG.error("run {} has no process group '{}' with replica {}; its groups are {}", manifest.runId(), name, replica,
            manifest.plan().groups().stream().map(ProcessGroup::name).toList());
        return null;
    }

    private static int runToEnd(final List<DeviceRunner> runners)
    {
        // On SIGTERM/SIGINT, stop every device so that each still writes its report.
        final Thread hook = new Thread(() -> CloseHelper.closeAll(runners), "device-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        runners.forEach(DeviceRunner::start);
        try
        {
            int exitCode = DeviceExitCode.OK;
            boolean closing = false;
            while (!allEnded(runners))
            {
                runners.get(0).awaitOutcome(POLL_MS, TimeUnit.MILLISECONDS);
                final int failed = firstFailure(runners);
                if (failed >= 0 && !closing)
                {
                    closing = true;
                    exitCode = runners.get(failed).outcome().exitCode();
                    if (runners.size() > 1)
                    {
                        LOG.error("a member of the process group failed; closing the others");
                    }
                    CloseHelper.closeAll(runners);
                }
            }
            return closing ? exitCode : leastClean(runners);
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
            CloseHelper.closeAll(runners);
            waitBriefly(runners);
            return allEnded(runners) ? leastClean(runners) : DeviceExitCode.STOPPED;
        }
        finally
        {
            try
            {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
            catch (final IllegalStateException shuttingDown)
            {
                waitBriefly(runners); // the hook is closing the devices; let them write their reports
            }
        }
    }

    private static boolean allEnded(final List<DeviceRunner> runners)
    {
        for (final DeviceRunner runner : runners)
        {
            if (runner.outcome() == null)
            {
                return false;
            }
        }
        return true;
    }

    /** The index of a device that ended badly (not OK, not stopped), or -1. */
    private static int firstFailure(final List<DeviceRunner> runners)
    {
        for (int i = 0; i < runners.size(); i++)
        {
            final DeviceOutcome outcome = runners.get(i).outcome();
            if (outcome != null && !isClean(outcome.exitCode()))
            {
                return i;
            }
        }
        return -1;
    }

    private static int leastClean(final List<DeviceRunner> runners)
    {
        int code = DeviceExitCode.OK;
        for (final DeviceRunner runner : runners)
        {
            final int own = runner.outcome().exitCode();
            if (!isClean(own))
            {
                return own;
            }
            if (own == DeviceExitCode.STOPPED)
            {
                code = own;
            }
        }
        return code;
    }

    private static boolean isClean(final int exitCode)
    {
        return exitCode == DeviceExitCode.OK || exitCode == DeviceExitCode.STOPPED;
    }

    private static void waitBriefly(final List<DeviceRunner> runners)
    {
        try
        {
            for (final DeviceRunner runner : runners)
            {
                runner.awaitOutcome(SHUTDOWN_WAIT_MS, TimeUnit.MILLISECONDS);
            }
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
        }
    }

    static void writeSetupFailure(final RunManifest manifest, final String name, final int replica, final String failure)
    {
        if (manifest.runDir() == null || replica < 0)
        {
            return;
        }
        final DeviceReport report = new DeviceReport(name, replica, "FAILED", 0, 0, 0, 0, 0, 1, 0, failure, Map.of(), List.of(), List.of());
        try
        {
            ReportFile.write(RunLayout.report(Path.of(manifest.runDir()), name, replica), report);
        }
        catch (final IOException | RuntimeException e)
        {
            LOG.error("{}: could not write its report: {}", name, e.getMessage());
        }
    }
}
