package org.jdpl.framework.driver;

import java.util.List;

import org.jdpl.framework.plan.PlannedDevice;

/**
 * Stops the clocks of a run whose data has ended: a timer-driven device whose timers have no {@code ticks}
 * limit would tick forever, so once every other source of the run has ended, its clock is stopped (the stop
 * command, repeated until it ends, without the escalation of a user's stop). A run whose only sources are
 * such timers runs until stopped, as a source with no limit does.
 */
final class EndlessClocks
{
    private static final long RESEND_NS = 200_000_000L;

    private final ControlPublisher control;
    private boolean stopping;
    private long lastStopNs;

    EndlessClocks(final ControlPublisher control)
    {
        this.control = control;
    }

    /** A timer-driven device with a timer that has no {@code ticks} limit. */
    static boolean isEndlessClock(final PlannedDevice device)
    {
        return device.isTimerDriven() && device.inputs().stream().anyMatch(i -> i.timer().ticks() == 0);
    }

    /** Whether the clocks are being stopped (once it is so, it stays so). */
    boolean stopping()
    {
        return stopping;
    }

    /** Whether the clocks are to be stopped: every source that ends by itself has ended, and an endless clock still runs. */
    boolean shouldStop(final List<DeviceProcess> processes, final boolean[] exited)
    {
        if (!stopping)
        {
            stopping = onlyEndlessClocksLeft(processes, exited);
        }
        return stopping;
    }

    /** Sends the stop; repeated as for a user's stop, since only the clocks are sources still running. */
    int stop(final long now)
    {
        if (lastStopNs == 0 || now - lastStopNs > RESEND_NS)
        {
            control.sendStop();
            lastStopNs = now;
            return 1;
        }
        return 0;
    }

    private static boolean onlyEndlessClocksLeft(final List<DeviceProcess> processes, final boolean[] exited)
    {
        boolean boundedSource = false;
        boolean clockRunning = false;
        for (int i = 0; i < processes.size(); i++)
        {
            final PlannedDevice device = processes.get(i).planned();
            if (!device.isSource())
            {
                continue;
            }
            if (isEndlessClock(device))
            {
                clockRunning |= !exited[i];
            }
            else if (!exited[i])
            {
                return false;
            }
            else
            {
                boundedSource = true;
            }
        }
        return boundedSource && clockRunning;
    }
}
