package org.jdpl.framework.driver;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.agrona.concurrent.Agent;
import org.jdpl.framework.counters.CounterType;
import org.jdpl.framework.counters.CountersSnapshot;
import org.jdpl.framework.counters.DeviceState;
import org.jdpl.framework.counters.ReplicaSample;
import org.jdpl.framework.counters.RunCountersFile;
import org.jdpl.framework.plan.Plan;
import org.jdpl.framework.plan.PlannedDevice;

/**
 * Watches a warm-up run's counters until every {@code pipeline = auto} device has processed
 * {@value #TIMESLICES} timeslices and published its median time per call, and every source its own;
 * then ends the warm-up (its outputs are of no use: the processes are killed). Gives up waiting
 * {@link #MAX_WAIT_NS} after every process is running (JVMs start slowly on a busy machine, so that
 * clock starts late), or {@link #MAX_START_NS} after the start, and keeps what it has. The medians are of the last publishing window of each
 * replica (about half a second): recent, and untouched by the start-up of the JVM's first calls only
 * once a window has passed, which is why it also waits for {@value #WINDOWS} windows.
 */
final class WarmupProbe implements Agent
{
    static final int TIMESLICES = 10;
    static final int WINDOWS = 2;
    static final long MAX_WAIT_NS = TimeUnit.SECONDS.toNanos(15);
    static final long MAX_START_NS = TimeUnit.SECONDS.toNanos(90);
    private static final long POLL_INTERVAL_NS = TimeUnit.MILLISECONDS.toNanos(100);

    private final Plan plan;
    private final Map<String, Double> msPerTimeslice = new HashMap<>();
    private RunCountersFile counters;
    private RunSupervisor supervisor;
    private long startNs;
    private long lastPollNs;
    private long measuringSinceNs;
    private long runningSinceNs;
    private boolean done;
    private long endNs;

    WarmupProbe(final Plan plan)
    {
        this.plan = plan;
    }

    /** Called by the Driver once the warm-up run's counters and supervisor exist. */
    void attach(final RunCountersFile counters, final RunSupervisor supervisor, final long nowNs)
    {
        this.counters = counters;
        this.supervisor = supervisor;
        this.startNs = nowNs;
    }

    @Override
    public String roleName()
    {
        return "warmup-probe";
    }

    @Override
    public int doWork()
    {
        final long now = System.nanoTime();
        if (done || counters == null || now - lastPollNs < POLL_INTERVAL_NS)
        {
            return 0;
        }
        lastPollNs = now;
        final CountersSnapshot snapshot = CountersSnapshot.read(counters);
        if (runningSinceNs == 0 && allStarted(snapshot))
        {
            runningSinceNs = now;
        }
        final boolean measured = measure(snapshot);
        if (measured && measuringSinceNs == 0)
        {
            measuringSinceNs = now;
        }
        final boolean settled = measured && now - measuringSinceNs >= WINDOWS * 500_000_000L;
        if (settled || runningSinceNs != 0 && now - runningSinceNs > MAX_WAIT_NS || now - startNs > MAX_START_NS)
        {
            done = true;
            endNs = now;
            supervisor.requestKill();
        }
        return 1;
    }

    /** The last figures, taken from the final counters too when the warm-up ended by itself. */
    void finish(final CountersSnapshot last)
    {
        if (!done)
        {
            measure(last);
            endNs = System.nanoTime();
        }
    }

    /** From the warm-up's start to the end of measuring (devices' start-up included). */
    double measuringSeconds()
    {
        return (endNs - startNs) / 1e9;
    }

    /** Median ms per call of each device measured (auto devices and sources), replica 0. */
    Map<String, Double> msPerTimeslice()
    {
        return Map.copyOf(msPerTimeslice);
    }

    private static boolean allStarted(final CountersSnapshot snapshot)
    {
        for (final ReplicaSample sample : snapshot.replicas())
        {
            if (sample.state().ordinal() < DeviceState.RUNNING.ordinal())
            {
                return false;
            }
        }
        return !snapshot.replicas().isEmpty();
    }

    /** Records what is there; true when every device that matters has its figures. */
    private boolean measure(final CountersSnapshot snapshot)
    {
        boolean all = true;
        for (final PlannedDevice device : plan.devices())
        {
            if (!device.isAutoPipeline() && !device.isSource())
            {
                continue;
            }
            final ReplicaSample sample = snapshot.replica(device.name(), 0);
            final long p50Ns = sample == null ? 0 : sample.get(CounterType.PROCESSING_P50_NS);
            final long processed = sample == null ? 0 : sample.get(device.isSource() ? CounterType.TIMESLICES_OUT : CounterType.TIMESLICES_IN);
            if (p50Ns > 0)
            {
                msPerTimeslice.put(device.name(), p50Ns / 1e6);
            }
            final boolean ended = sample != null && sample.state().isFinal();
            all &= p50Ns > 0 && (processed >= TIMESLICES || ended);
        }
        return all;
    }
}
