package org.jdpl.framework.driver;

import java.util.List;

import org.agrona.concurrent.Agent;
import org.agrona.concurrent.NanoClock;
import org.jdpl.framework.run.DeviceExitCode;

/**
 * Watches the device processes of a run and applies the stop policy: the first process that ends
 * badly fails the run and the others are terminated (SIGTERM, then SIGKILL after a grace period);
 * a stop request asks the sources to end their stream, escalating the same way if they do not.
 * Requests come from other threads (signal handlers) through volatile flags.
 */
final class RunSupervisor implements Agent
{
    private final List<DeviceProcess> processes;
    private final ControlPublisher control;
    private final NanoClock clock;
    private final long stopGraceNs;
    private final long killGraceNs;
    private final boolean[] seenExit;

    private volatile boolean stopRequested;
    private volatile boolean killRequested;
    private long stopSentNs = -1;
    private long lastStopSendNs;
    private long terminateSentNs = -1;
    private boolean killed;
    private int running;
    private String failure;

    RunSupervisor(
        final List<DeviceProcess> processes,
        final ControlPublisher control,
        final NanoClock clock,
        final long stopGraceNs,
        final long killGraceNs)
    {
        this.processes = processes;
        this.control = control;
        this.clock = clock;
        this.stopGraceNs = stopGraceNs;
        this.killGraceNs = killGraceNs;
        this.seenExit = new boolean[processes.size()];
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
        int work = pollExits();
        final long now = clock.nanoTime();
        if (killRequested && !killed)
        {
            killAll();
            work++;
        }
        if (stopRequested && running > 0)
        {
            work += sendStop(now);
        }
        if (failure != null && terminateSentNs < 0)
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

    /** Called when the run cannot go on for a reason of the Driver's own (a device failed to start). */
    void fail(final String reason)
    {
        if (failure == null)
        {
            failure = reason;
        }
    }

    private int pollExits()
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
                onExit(p);
            }
        }
        return work;
    }

    private void onExit(final DeviceProcess p)
    {
        // A source told to stop ends with STOPPED; processes the Driver terminated end however they end.
        final boolean expected = p.exitCode() == DeviceExitCode.OK ||
            p.exitCode() == DeviceExitCode.STOPPED && stopRequested ||
            terminateSentNs >= 0 || killed;
        if (!expected && failure == null)
        {
            failure = describeDeath(p);
        }
    }

    static String describeDeath(final DeviceProcess p)
    {
        final StringBuilder text = new StringBuilder()
            .append("device '").append(p.device()).append("' (replica ").append(p.replica())
            .append(", pid ").append(p.pid()).append(") ").append(DeviceExitCode.describe(p.exitCode()))
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
