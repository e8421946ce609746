package org.jdpl.tools.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Kills a random device process of this JVM's run with SIGKILL at random moments, from a seed, so a
 * run can be repeated: the same seed draws the same gaps and the same choices among the processes
 * alive at each moment (which processes those are depends on how the run went, so a repeat on a
 * differently loaded machine may kill differently).
 */
final class ChaosMonkey
{
    private final Random random;
    private final double meanGapSeconds;
    private final List<String> spared;
    private final List<String> expendable;
    private final List<String> log = new ArrayList<>();
    private final long startNs = System.nanoTime();
    private int kills;

    /**
     * @param spared     device names never killed (a source cannot be restarted)
     * @param expendable device names whose last live replica is never killed: each death of one is
     *                   for good, and with none left every later timeslice would be lost there, leaving
     *                   nothing for the restart paths to be measured on
     */
    ChaosMonkey(final long seed, final double meanGapSeconds, final List<String> spared, final List<String> expendable)
    {
        this.expendable = List.copyOf(expendable);
        this.random = new Random(seed);
        this.meanGapSeconds = meanGapSeconds;
        this.spared = List.copyOf(spared);
    }

    /**
     * Waits until the run is {@code up} (every device running, its stream flowing), then kills for
     * {@code durationNs} or until the run is over; returns at once when it is. The duration counts
     * from then, so a slow start on a loaded machine does not eat the chaos.
     */
    void killFor(final long durationNs, final BooleanSupplier up, final BooleanSupplier runOver)
    {
        while (!up.getAsBoolean() && !runOver.getAsBoolean())
        {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50)); // polling a count the console keeps: nothing to be told by
        }
        final long deadlineNs = System.nanoTime() + durationNs;
        while (!runOver.getAsBoolean())
        {
            // Exponential gaps (a Poisson process), at least 100 ms apart: kills land anywhere, start-up and restarts included.
            final long gapNs = (long)(Math.max(0.1, -Math.log(1 - random.nextDouble()) * meanGapSeconds) * 1e9);
            final long atNs = System.nanoTime() + gapNs;
            if (atNs > deadlineNs)
            {
                parkUntil(deadlineNs, runOver);
                return;
            }
            parkUntil(atNs, runOver);
            if (runOver.getAsBoolean())
            {
                return;
            }
            killOne();
        }
    }

    int kills()
    {
        return kills;
    }

    /** One line per kill: when, which replica, which pid. */
    List<String> log()
    {
        return List.copyOf(log);
    }

    private void killOne()
    {
        final List<DeviceProcesses.Running> running = DeviceProcesses.running();
        final List<DeviceProcesses.Running> victims = running.stream()
            .filter(p -> !spared.contains(p.device()))
            .filter(p -> !expendable.contains(p.device()) || running.stream().filter(q -> q.device().equals(p.device())).count() > 1)
            .toList();
        final int pick = random.nextInt(Integer.MAX_VALUE);
        if (victims.isEmpty())
        {
            return;
        }
        final DeviceProcesses.Running victim = victims.get(pick % victims.size());
        if (victim.process().destroyForcibly())
        {
            kills++;
            log.add(String.format(Locale.ROOT, "%7.1f s  kill -9 %s#%d (pid %d)", (System.nanoTime() - startNs) / 1e9,
                victim.device(), victim.replica(), victim.process().pid()));
        }
    }

    private static void parkUntil(final long deadlineNs, final BooleanSupplier runOver)
    {
        // The chaos schedule itself, not a synchronisation: nothing waits on a condition here.
        while (System.nanoTime() < deadlineNs && !runOver.getAsBoolean())
        {
            LockSupport.parkNanos(Math.min(deadlineNs - System.nanoTime(), TimeUnit.MILLISECONDS.toNanos(100)));
        }
    }
}
