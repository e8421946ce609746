package org.jdpl.framework.driver;

import java.util.ArrayList;
import java.util.List;

import org.agrona.concurrent.Agent;
import org.agrona.concurrent.NanoClock;
import org.jdpl.framework.plan.FailurePolicy;
import org.jdpl.framework.plan.PlannedDevice;
import org.jdpl.framework.plan.Route;
import org.jdpl.framework.run.DeviceExitCode;

/**
 * Watches the device processes of a run and applies each device's failure policy when one ends
 * badly (the death of a process group's JVM is a crash of each of its members; groups only take
 * {@code stop}): {@code stop} fails the run and the others are terminated (SIGTERM, then SIGKILL after a
 * grace period); {@code restart} starts the replica again within {@code restart.max} per window;
 * {@code expendable} lets the run go on, ending the stream on the dead device's behalf. A stop
 * request asks the sources to end their stream, escalating the same way if they do not. Requests
 * come from other threads (signal handlers) through volatile flags. Endless clocks are stopped once
 * the run's data has ended ({@link EndlessClocks}).
 */
final class RunSupervisor implements Agent
{
    private final List<DeviceProcess> processes;
    private final DeviceLauncher launcher;
    private final ControlPublisher control;
    private final EndOfStreamProxy endOfStream;
    private final NanoClock clock;
    private final long stopGraceNs;
    private final long killGraceNs;
    private final boolean[] seenExit;
    private final RestartHistory[] restarts;
    /** Why the Driver killed the process in a slot (silent-after), until it exits. */
    private final String[] killedWhy;
    private final List<String> casualties = new ArrayList<>();
    private final List<String> crashes = new ArrayList<>();
    private final EndlessClocks clocks;

    private volatile boolean stopRequested;
    private volatile boolean killRequested;
    private volatile boolean abortRequested;
    private long stopSentNs = -1;
    private long lastStopSendNs;
    private long terminateSentNs = -1;
    private boolean killed;
    private int running;
    private String failure;

    RunSupervisor(
        final List<DeviceProcess> processes,
        final DeviceLauncher launcher,
        final ControlPublisher control,
        final EndOfStreamProxy endOfStream,
        final NanoClock clock,
        final long stopGraceNs,
        final long killGraceNs)
    {
        this.processes = processes;
        this.launcher = launcher;
        this.control = control;
        this.endOfStream = endOfStream;
        this.clock = clock;
        this.stopGraceNs = stopGraceNs;
        this.killGraceNs = killGraceNs;
        this.seenExit = new boolean[processes.size()];
        this.restarts = new RestartHistory[processes.size()];
        this.killedWhy = new String[processes.size()];
        this.clocks = new EndlessClocks(control);
        for (int i = 0; i < restarts.length; i++)
        {
            restarts[i] = new RestartHistory();
        }
        this.running = processes.size();
    }

    @Override
    public String roleName()
    {
        return "run-supervisor";
    }

    @Override
    public int doWork()
    {
        final long now = clock.nanoTime();
        int work = pollExits(now) + endOfStream.doWork();
        if (killRequested && !killed)
        {
            killAll();
            work++;
        }
        if (stopRequested && running > 0)
        {
            work += sendStop(now);
        }
        else if (running > 0 && clocks.shouldStop(processes, seenExit))
        {
            work += clocks.stop(now);
        }
        if ((failure != null || abortRequested) && terminateSentNs < 0)
        {
            terminateAll(now);
            work++;
        }
        if (stopSentNs >= 0 && terminateSentNs < 0 && now - stopSentNs > stopGraceNs)
        {
            terminateAll(now);
            work++;
        }
        if (terminateSentNs >= 0 && !killed && now - terminateSentNs > killGraceNs)
        {
            killAll();
            work++;
        }
        return work;
    }

    boolean isDone()
    {
        return running == 0;
    }

    /** A stop request (first SIGINT/SIGTERM): sources end their stream, the rest drains. */
    void requestStop()
    {
        stopRequested = true;
    }

    /**
     * The run failed elsewhere (on another host): every device is stopped at once, as after a
     * failure here (each still writes its report), and this part of the run counts as stopped.
     */
    void requestAbort()
    {
        stopRequested = true;
        abortRequested = true;
    }

    /** A kill request (second SIGINT/SIGTERM): everything is killed at once. */
    void requestKill()
    {
        killRequested = true;
    }

    boolean stopRequested()
    {
        return stopRequested;
    }

    /** The first failure, or null. */
    String failure()
    {
        return failure;
    }

    /** Expendable devices that died, and restarted ones, with why: for the summary. */
    List<String> casualties()
    {
        return List.copyOf(casualties);
    }

    /** Devices that died during the run ({@code name#replica}), in order. */
    List<String> crashes()
    {
        return List.copyOf(crashes);
    }

    /** How many times the i-th process slot was restarted. */
    int restarts(final int index)
    {
        return restarts[index].total();
    }

    /**
     * An expendable replica on another host is gone (it died there, or with its host), as the launching host says: for
     * this host's devices it died as a local one would have.
     */
    void remoteReplicaLost(final PlannedDevice device, final int replica)
    {
        casualties.add(device.name() + "#" + replica + " (on another host) is gone; expendable: the run goes on without it");
        endOfStream.lost(device, replica);
    }

    /**
     * The process in slot {@code index} is alive but silent ({@link SilenceWatch}): it is killed, and its
     * death goes the way of any other, under its {@code on-crash}, with {@code why} in its description.
     */
    void silenced(final int index, final String why)
    {
        if (seenExit[index] || killedWhy[index] != null || failure != null || terminateSentNs >= 0 || killed)
        {
            return;
        }
        killedWhy[index] = why;
        processes.get(index).kill();
    }

    /** Called when the run cannot go on for a reason of the Driver's own (a device failed to start). */
    void fail(final String reason)
    {
        if (failure == null)
        {
            failure = reason;
        }
    }

    private int pollExits(final long now)
    {
        int work = 0;
        for (int i = 0; i < processes.size(); i++)
        {
            final DeviceProcess p = processes.get(i);
            if (!seenExit[i] && p.pollExited())
            {
                seenExit[i] = true;
                running--;
                work++;
                onExit(i, p, now);
            }
        }
        return work;
    }

    private void onExit(final int index, final DeviceProcess p, final long now)
    {
        // A source told to stop ends with STOPPED; processes the Driver terminated end however they end.
        final boolean expected = p.exitCode() == DeviceExitCode.OK ||
            p.exitCode() == DeviceExitCode.STOPPED && (stopRequested || clocks.stopping() && EndlessClocks.isEndlessClock(p.planned())) ||
            terminateSentNs >= 0 || killed;
        final String why = killedWhy[index];
        killedWhy[index] = null;
        if (expected || failure != null)
        {
            return;
        }
        crashes.add(why == null ? p.label() : p.label() + " (" + why + ")");
        final FailurePolicy policy = p.planned().failurePolicy();
        switch (policy.onCrash())
        {
            case STOP -> failure = describeDeath(p, why);
            case RESTART -> restart(index, p, policy, now, why);
            case EXPENDABLE ->
            {
                casualties.add(describeDeath(p, why).lines().findFirst().orElse("") + "; expendable: the run goes on without it");
                endOfStream.lost(p.planned(), p.replica());
            }
        }
    }

    private void restart(final int index, final DeviceProcess dead, final FailurePolicy policy, final long now, final String why)
    {
        if (!restarts[index].tryRestart(now, policy.restartMax(), policy.restartWindowMs() * 1_000_000L))
        {
            failure = describeDeath(dead, why) + "\n  it was restarted " + policy.restartMax() + " time(s) within " +
                policy.restartWindowMs() / 1000.0 + " s already (restart.max); the run stops";
            return;
        }
        casualties.add(describeDeath(dead, why).lines().findFirst().orElse("") + "; restarted (" + restarts[index].total() + " of at most " +
            policy.restartMax() + " per " + policy.restartWindowMs() / 1000.0 + " s)");
        endOfStream.restarting(dead.planned(), dead.replica());
        final DeviceProcess fresh = launcher.start(dead.planned(), dead.replica(), restarts[index].total());
        processes.set(index, fresh);
        seenExit[index] = false;
        running++;
        resendEndedProducers(dead.planned(), dead.replica());
    }

    /** The new process missed the end of stream of producers that have already ended: send it again for them. */
    private void resendEndedProducers(final PlannedDevice consumer, final int replica)
    {
        for (int i = 0; i < processes.size(); i++)
        {
            final DeviceProcess p = processes.get(i);
            if (seenExit[i] && feeds(p.planned(), consumer))
            {
                endOfStream.sendTo(consumer, replica);
            }
        }
    }

    private static boolean feeds(final PlannedDevice producer, final PlannedDevice consumer)
    {
        for (final Route route : producer.routes())
        {
            if (route.consumer().equals(consumer.name()))
            {
                return true;
            }
        }
        return false;
    }

    /** {@link #describeDeath(DeviceProcess)}, saying first why the Driver killed it when it did ({@code why} not null). */
    static String describeDeath(final DeviceProcess p, final String why)
    {
        final String death = describeDeath(p);
        if (why == null)
        {
            return death;
        }
        final int end = death.indexOf(") ") + 1; // after "(replica r, pid n)"
        return death.substring(0, end) + " was " + why + " and the Driver killed it;" + death.substring(end);
    }

    static String describeDeath(final DeviceProcess p)
    {
        final StringBuilder text = new StringBuilder();
        if (p.group() == null)
        {
            text.append("device '").append(p.device()).append("' (replica ").append(p.replica());
        }
        else
        {
            // The group's process is every member's: all of them died with it.
            text.append("process group '").append(p.group().name()).append("' (devices ")
                .append(String.join(", ", p.group().devices())).append("; replica ").append(p.replica());
        }
        text.append(", pid ").append(p.pid()).append(") ").append(DeviceExitCode.describe(p.exitCode()))
            .append(" (exit code ").append(p.exitCode()).append(')');
        final List<String> lines = p.lastLines();
        if (lines.isEmpty())
        {
            text.append("; it printed nothing");
        }
        else
        {
            text.append("; its last log lines:");
            for (final String line : lines)
            {
                text.append("\n    ").append(line);
            }
        }
        return text.toString();
    }

    private int sendStop(final long now)
    {
        // Devices that subscribe later do not see earlier messages, so the stop is repeated until all have ended.
        if (stopSentNs < 0 || now - lastStopSendNs > 200_000_000L)
        {
            control.sendStop();
            lastStopSendNs = now;
            if (stopSentNs < 0)
            {
                stopSentNs = now;
            }
            return 1;
        }
        return 0;
    }

    private void terminateAll(final long now)
    {
        terminateSentNs = now;
        for (int i = 0; i < processes.size(); i++)
        {
            if (!seenExit[i])
            {
                processes.get(i).terminate();
            }
        }
    }

    private void killAll()
    {
        killed = true;
        for (int i = 0; i < processes.size(); i++)
        {
            if (!seenExit[i])
            {
                processes.get(i).kill();
            }
        }
    }
}
