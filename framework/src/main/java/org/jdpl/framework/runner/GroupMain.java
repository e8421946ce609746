package org.jdpl.framework.runner;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.agrona.CloseHelper;
import org.jdpl.framework.plan.ProcessGroup;
import org.jdpl.framework.run.DeviceExitCode;
import org.jdpl.framework.run.ManifestFile;
import org.jdpl.framework.run.RunManifest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of a process-group process:
 * {@code java @jvm.flags -cp CP org.jdpl.framework.runner.GroupMain <run.json> <group> <replica>}.
 * Runs replica {@code r} of every member of the group, each a {@link DeviceRunner} with its own
 * counters slot, payload-segment slot and report, as in a process of its own; members feed each
 * other through the group's in-process rings ({@link GroupRings}).
 *
 * <p>Each member runs on its own thread with its own idle strategy. One thread for all (a composite
 * agent) would take one core for the whole chain and let one slow {@code process} call stall every
 * other member, control commands included; own threads let a two-core machine run two members at
 * once, and an idle member parks without holding back a busy one.
 *
 * <p>The group lives and dies as one: when a member fails, the others are closed (their reports say
 * so) and the process exits with the member's exit code, which the Driver reads as a crash of the
 * whole group. Otherwise it exits with the least clean code of its members.
 */
public final class GroupMain
{
    private static final Logger LOG = LoggerFactory.getLogger(GroupMain.class);
    private static final String USAGE = "usage: GroupMain <path to run.json> <process group> <replica>";
    private static final long POLL_MS = 100;
    private static final long SHUTDOWN_WAIT_MS = 3_000;

    private GroupMain()
    {
    }

    public static void main(final String[] args)
    {
        System.exit(run(args));
    }

    /** Runs the group's members and returns the exit code (never exits the JVM itself). */
    static int run(final String[] args)
    {
        if (args.length != 3)
        {
            LOG.error(USAGE);
            return DeviceExitCode.BAD_SETUP;
        }
        final Path manifestFile = Path.of(args[0]);
        final String name = args[1];
        final int replica;
        final RunManifest manifest;
        try
        {
            replica = Integer.parseInt(args[2]);
            manifest = ManifestFile.read(manifestFile);
        }
        catch (final NumberFormatException e)
        {
            LOG.error("replica '{}' is not a number; {}", args[2], USAGE);
            return DeviceExitCode.BAD_SETUP;
        }
        catch (final IOException e)
        {
            LOG.error("{}: cannot read the run manifest {}: {}", name, manifestFile, e.getMessage());
            return DeviceExitCode.BAD_SETUP;
        }
        final ProcessGroup group = manifest.plan().groups().stream().filter(g -> g.name().equals(name)).findFirst().orElse(null);
        if (group == null || replica < 0 || replica >= group.replicas())
        {
            LOG.error("run {} has no process group '{}' with replica {}; its groups are {}", manifest.runId(), name, replica,
                manifest.plan().groups().stream().map(ProcessGroup::name).toList());
            return DeviceExitCode.BAD_SETUP;
        }
        final GroupRings rings = GroupRings.of(manifest.plan(), group, replica);
        final List<DeviceRunner> runners = new ArrayList<>();
        for (final String member : group.devices())
        {
            try
            {
                runners.add(new DeviceRunner(new DeviceRunnerContext().manifest(manifest).deviceName(member).replica(replica)
                    .groupRings(rings)));
            }
            catch (final DeviceSetupException | RuntimeException e)
            {
                LOG.error("{}: cannot start: {}", member, e.getMessage());
                DeviceMain.writeSetupFailure(manifest, member, replica, e.getMessage());
                CloseHelper.closeAll(runners);
                CloseHelper.close(rings);
                return DeviceExitCode.BAD_SETUP;
            }
        }
        LOG.info("process group '{}': {} device(s) in this process ({}), {} in-process ring(s)", group.processName(replica),
            runners.size(), String.join(", ", group.devices()), rings.ringCount());
        final int exitCode = runToEnd(runners);
        if (allEnded(runners))
        {
            rings.close(); // no member thread is left to touch them
        }
        return exitCode;
    }

    private static int runToEnd(final List<DeviceRunner> runners)
    {
        // On SIGTERM/SIGINT, stop every member so that each still writes its report.
        final Thread hook = new Thread(() -> CloseHelper.closeAll(runners), "group-shutdown");
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
                    LOG.error("a member of the process group failed; closing the others");
                    CloseHelper.closeAll(runners);
                }
            }
            return closing ? exitCode : leastClean(runners);
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
            CloseHelper.closeAll(runners);
            return DeviceExitCode.STOPPED;
        }
        finally
        {
            try
            {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
            catch (final IllegalStateException shuttingDown)
            {
                waitBriefly(runners); // the hook is closing the members; let them write their reports
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

    /** The index of a member that ended badly (not OK, not stopped), or -1. */
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
}
