package org.jdpl.framework.driver;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.agrona.concurrent.Agent;
import org.agrona.concurrent.NanoClock;
import org.jdpl.framework.counters.CounterType;
import org.jdpl.framework.counters.DeviceState;
import org.jdpl.framework.counters.ReplicaCounters;
import org.jdpl.framework.counters.RunCountersFile;
import org.jdpl.framework.journal.RunJournal;
import org.jdpl.framework.plan.Plan;
import org.jdpl.framework.run.DeviceExitCode;

/**
 * The Driver's side of the counters: it journals every state change the devices publish (checked
 * each supervisor cycle, ~20 ms, so a state held for less may go unseen), and every
 * {@link #INTERVAL_NS} it writes each device process's
 * pid, CPU use and RSS (from /proc) into the process counters, and on a process's exit records its exit code (and FAILED when a process died
 * without saying so, e.g. killed).
 */
final class ProcessSampler implements Agent
{
    static final long INTERVAL_NS = TimeUnit.MILLISECONDS.toNanos(500);

    private final List<DeviceProcess> processes;
    private final ReplicaCounters[] counters;
    /** The process each slot was last seen with: the supervisor replaces a restarted one. */
    private final DeviceProcess[] known;
    private final DeviceState[] lastState;
    private final long[] lastCpuTicks;
    private final boolean[] exitSeen;
    private final RunJournal journal;
    private final NanoClock clock;
    private long lastSampleNs;

    ProcessSampler(
        final List<DeviceProcess> processes, final RunCountersFile file, final Plan plan, final RunJournal journal, final NanoClock clock)
    {
        this.processes = processes;
        this.journal = journal;
        this.clock = clock;
        this.counters = new ReplicaCounters[processes.size()];
        this.lastState = new DeviceState[processes.size()];
        this.lastCpuTicks = new long[processes.size()];
        this.exitSeen = new boolean[processes.size()];
        this.known = new DeviceProcess[processes.size()];
        for (int i = 0; i < processes.size(); i++)
        {
            final DeviceProcess p = processes.get(i);
            final int deviceIndex = plan.devices().indexOf(plan.device(p.device()));
            counters[i] = ReplicaCounters.find(file, deviceIndex, p.replica(), plan.device(p.device()).routes().size());
            lastState[i] = DeviceState.CREATED;
            track(i, p);
        }
        this.lastSampleNs = clock.nanoTime() - INTERVAL_NS;
    }

    @Override
    public String roleName()
    {
        return "process-sampler";
    }

    @Override
    public int doWork()
    {
        int work = 0;
        for (int i = 0; i < processes.size(); i++)
        {
            work += journalStateChange(i, processes.get(i), DeviceState.of(counters[i].get(CounterType.STATE).get()));
        }
        final long now = clock.nanoTime();
        if (now - lastSampleNs < INTERVAL_NS)
        {
            return work;
        }
        final double seconds = (now - lastSampleNs) / 1e9;
        lastSampleNs = now;
        for (int i = 0; i < processes.size(); i++)
        {
            sample(i, seconds);
        }
        return work + 1;
    }

    /** A last pass at the end of the run, so final states and exit codes are recorded. */
    void finish()
    {
        lastSampleNs = clock.nanoTime() - INTERVAL_NS;
        doWork();
    }

    /** Starts following {@code p} in slot {@code i} (at the start, or after a restart). */
    private void track(final int i, final DeviceProcess p)
    {
        known[i] = p;
        exitSeen[i] = false;
        lastCpuTicks[i] = -1;
        counters[i].set(CounterType.PID, p.pid());
        counters[i].set(CounterType.RESTARTS, p.restarts());
        counters[i].set(CounterType.EXIT_CODE, CounterType.NO_EXIT);
    }

    private void sample(final int i, final double seconds)
    {
        final DeviceProcess p = processes.get(i);
        final ReplicaCounters c = counters[i];
        if (p != known[i])
        {
            track(i, p);
            journal.event(p.label() + " restarted as pid " + p.pid() + " (restart " + p.restarts() + ")");
        }
        if (p.pollExited())
        {
            if (!exitSeen[i])
            {
                exitSeen[i] = true;
                onExit(p, c);
            }
        }
        else
        {
            final long ticks = ProcStat.cpuTicks(p.pid());
            if (ticks >= 0 && lastCpuTicks[i] >= 0)
            {
                c.set(CounterType.CPU_PERMILLE, Math.round((ticks - lastCpuTicks[i]) * 1000.0 / ProcStat.TICKS_PER_SECOND / seconds));
            }
            lastCpuTicks[i] = ticks;
            final long rss = ProcStat.rssBytes(p.pid());
            if (rss >= 0)
            {
                c.set(CounterType.RSS_BYTES, rss);
            }
            p.jvm().sampledRss(Math.max(rss, ProcStat.peakRssBytes(p.pid())));
        }
        journalStateChange(i, p, DeviceState.of(c.get(CounterType.STATE).get()));
    }

    private void onExit(final DeviceProcess p, final ReplicaCounters c)
    {
        c.set(CounterType.EXIT_CODE, p.exitCode());
        c.set(CounterType.CPU_PERMILLE, 0);
        final DeviceState state = DeviceState.of(c.get(CounterType.STATE).get());
        if (!state.isFinal())
        {
            final boolean clean = p.exitCode() == DeviceExitCode.OK || p.exitCode() == DeviceExitCode.STOPPED;
            c.state(clean ? DeviceState.STOPPED : DeviceState.FAILED);
        }
        journal.event(p.label() + " (pid " + p.pid() + ") exited: " + DeviceExitCode.describe(p.exitCode()) +
            " (exit code " + p.exitCode() + ")");
    }

    private int journalStateChange(final int i, final DeviceProcess p, final DeviceState state)
    {
        if (state == lastState[i])
        {
            return 0;
        }
        lastState[i] = state;
        journal.state(p.label(), state.name());
        return 1;
    }
}
