package org.jdpl.framework.driver;

import java.util.List;
import java.util.Locale;

import org.agrona.concurrent.Agent;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.status.AtomicCounter;
import org.jdpl.framework.counters.CounterType;
import org.jdpl.framework.counters.ReplicaCounters;
import org.jdpl.framework.counters.RunCountersFile;
import org.jdpl.framework.plan.Plan;
import org.jdpl.framework.plan.PlannedDevice;
import org.jdpl.framework.plan.Route;

/**
 * {@code silent-after}: finds device processes that are alive but silent (a hung call, a stopped
 * process, a deadlock) from their heartbeat in the run's counters, and has the supervisor kill
 * them, so the run follows the device's {@code on-crash} instead of waiting forever.
 *
 * <p>Silence runs from the last heartbeat change the Driver saw, from the process's first beat on
 * (a JVM that is still starting is not silent; one that hangs before its first beat is not caught). A
 * producer held back by a silent consumer stops beating too (it waits in its send): only a silent
 * replica whose consumers are not silent as long is killed, so the one that stopped the flow goes,
 * not those it blocked. A replica's slow call is silence too, which is why the timeout is a
 * device's own key, to set above its slowest timeframe.
 */
final class SilenceWatch implements Agent
{
    private static final long CHECK_INTERVAL_NS = 100_000_000L;

    private final List<DeviceProcess> processes;
    private final RunSupervisor supervisor;
    private final NanoClock clock;
    private final AtomicCounter[] heartbeats;
    private final long[] silentAfterNs;
    private final long[] lastBeat;
    private final long[] lastBeatSeenNs;
    private final long[] lastPid;
    /** Whether the process in the slot has beaten at least once: before that its JVM is starting, which is not silence. */
    private final boolean[] beating;
    private final long[] silentNs;
    private final int[][] consumerSlots;
    private final boolean any;
    private long lastCheckNs;

    SilenceWatch(final List<DeviceProcess> processes, final RunSupervisor supervisor, final Plan plan, final RunCountersFile counters,
        final NanoClock clock)
    {
        this.processes = processes;
        this.supervisor = supervisor;
        this.clock = clock;
        final int n = processes.size();
        heartbeats = new AtomicCounter[n];
        silentAfterNs = new long[n];
        lastBeat = new long[n];
        lastBeatSeenNs = new long[n];
        lastPid = new long[n];
        beating = new boolean[n];
        silentNs = new long[n];
        consumerSlots = new int[n][];
        boolean watched = false;
        final List<PlannedDevice> devices = plan.devices();
        for (int i = 0; i < n; i++)
        {
            final DeviceProcess p = processes.get(i);
            final PlannedDevice device = p.planned();
            silentAfterNs[i] = device.failurePolicy().silentAfterMs() * 1_000_000L;
            watched |= silentAfterNs[i] > 0;
            heartbeats[i] = silentAfterNs[i] == 0 ? null :
                ReplicaCounters.find(counters, devices.indexOf(device), p.replica(), device.routes().size()).get(CounterType.HEARTBEAT_MS);
            lastPid[i] = -1;
            consumerSlots[i] = consumersOf(device);
        }
        any = watched;
    }

    @Override
    public String roleName()
    {
        return "silence-watch";
    }

    @Override
    public int doWork()
    {
        final long now = clock.nanoTime();
        if (!any || now - lastCheckNs < CHECK_INTERVAL_NS)
        {
            return 0;
        }
        lastCheckNs = now;
        for (int i = 0; i < heartbeats.length; i++)
        {
            silentNs[i] = silence(i, now);
        }
        int work = 0;
        for (int i = 0; i < heartbeats.length; i++)
        {
            if (silentAfterNs[i] > 0 && silentNs[i] > silentAfterNs[i] && !consumerSilentAsLong(i))
            {
                supervisor.silenced(i, String.format(Locale.ROOT, "silent for %.1f s (no heartbeat; silent-after = %.0f s)",
                    silentNs[i] / 1e9, silentAfterNs[i] / 1e9));
                lastBeatSeenNs[i] = now; // told once: the kill takes effect when the supervisor sees the exit
                work++;
            }
        }
        return work;
    }

    /** How long slot {@code i}'s heartbeat has not moved; 0 when it exited or is not watched. */
    private long silence(final int i, final long now)
    {
        final DeviceProcess p = processes.get(i);
        if (heartbeats[i] == null || p.pollExited())
        {
            return 0;
        }
        final long beat = heartbeats[i].get();
        if (p.pid() != lastPid[i])
        {
            // A new process (restarted, or the first): the slot still shows the last one's beat until it beats itself.
            lastPid[i] = p.pid();
            lastBeat[i] = beat;
            beating[i] = false;
        }
        else if (beat != lastBeat[i])
        {
            lastBeat[i] = beat;
            lastBeatSeenNs[i] = now;
            beating[i] = true;
        }
        return beating[i] ? now - lastBeatSeenNs[i] : 0;
    }

    private boolean consumerSilentAsLong(final int i)
    {
        for (final int j : consumerSlots[i])
        {
            if (silentNs[j] >= silentNs[i] - CHECK_INTERVAL_NS * 2 && silentNs[j] > 0)
            {
                return true;
            }
        }
        return false;
    }

    /** The slots of every replica {@code device} sends to. */
    private int[] consumersOf(final PlannedDevice device)
    {
        return java.util.stream.IntStream.range(0, processes.size())
            .filter(j -> device.routes().stream().map(Route::consumer).anyMatch(c -> c.equals(processes.get(j).device())))
            .toArray();
    }
}
