package org.jdpl.framework.runner;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.jdpl.framework.counters.CounterType;
import org.jdpl.framework.counters.DeviceState;
import org.jdpl.framework.counters.ReplicaCounters;
import org.jdpl.framework.counters.RunCountersFile;
import org.jdpl.framework.device.Metrics;
import org.jdpl.framework.gpu.GpuMetrics;
import org.jdpl.framework.plan.PlannedDevice;
import org.jdpl.framework.plan.Route;
import org.jdpl.framework.run.RunLayout;
import org.jdpl.framework.run.RunManifest;
import org.jdpl.framework.spec.OutputSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the runner's {@link RunnerCounters} into its counters in the run's shared counters file:
 * totals and heartbeat at most every millisecond (a dozen ordered stores), processing-time
 * percentiles every {@link #PERCENTILE_INTERVAL_NS} (then the histogram starts afresh, so p50/p99
 * are recent). Without a counters file (a runner in a test without a Driver) it does nothing.
 */
final class CountersPublisher implements AutoCloseable
{
    static final long PERCENTILE_INTERVAL_NS = TimeUnit.MILLISECONDS.toNanos(500);
    /** Totals and heartbeat are published at most this often (readers look twice a second). */
    static final long PUBLISH_INTERVAL_NS = TimeUnit.MILLISECONDS.toNanos(1);
    /** A power of two. */
    static final int BUSY_CYCLES_PER_CLOCK_READ = 64;
    private static final Logger LOG = LoggerFactory.getLogger(CountersPublisher.class);

    private final RunnerCounters counters;
    private final RunCountersFile file;
    private final ReplicaCounters shared;
    private final int[] routeOutput;
    private long lastCycleNs;
    private boolean lastCycleIdle;
    private long lastPercentilesNs;
    private long lastPublishNs;
    private long busyCycles;
    private long seenProcessEndNs;
    private Metrics gpuMetrics;

    private CountersPublisher(final RunnerCounters counters, final RunCountersFile file, final ReplicaCounters shared, final int[] routeOutput)
    {
        this.counters = counters;
        this.file = file;
        this.shared = shared;
        this.routeOutput = routeOutput;
        this.lastCycleNs = System.nanoTime();
        this.lastPercentilesNs = lastCycleNs;
    }

    /** Attaches to the counters of {@code device#replica} in the manifest's counters file, if there is one. */
    static CountersPublisher attach(final RunnerCounters counters, final RunManifest manifest, final PlannedDevice device, final int replica)
    {
        final Path path = manifest.shmDir() == null ? null : RunLayout.counters(Path.of(manifest.shmDir()));
        if (path == null || !path.toFile().isFile())
        {
            return new CountersPublisher(counters, null, null, new int[0]);
        }
        final RunCountersFile file;
        try
        {
            file = RunCountersFile.open(path);
        }
        catch (final IOException ex)
        {
            LOG.warn("{}#{}: no live counters ({})", device.name(), replica, ex.getMessage());
            return new CountersPublisher(counters, null, null, new int[0]);
        }
        final int deviceIndex = manifest.plan().devices().indexOf(device);
        final ReplicaCounters shared = ReplicaCounters.find(file, deviceIndex, replica, device.routes().size());
        return new CountersPublisher(counters, file, shared, routeOutputs(device));
    }

    /** For each route, the index of the output it carries. */
    private static int[] routeOutputs(final PlannedDevice device)
    {
        final List<Route> routes = device.routes();
        final List<OutputSpec> outputs = device.outputs();
        final int[] map = new int[routes.size()];
        for (int r = 0; r < map.length; r++)
        {
            map[r] = -1;
            for (int o = 0; o < outputs.size(); o++)
            {
                if (outputs.get(o).label().equals(routes.get(r).outputLabel()))
                {
                    map[r] = o;
                }
            }
        }
        return map;
    }

    /** A GPU device's metrics ({@link GpuMetrics}) go into its GPU counters with the totals. */
    CountersPublisher withGpuMetrics(final Metrics metrics)
    {
        this.gpuMetrics = metrics;
        return this;
    }

    void state(final DeviceState state)
    {
        if (shared != null)
        {
            shared.state(state);
        }
    }

    void paused(final boolean paused)
    {
        if (shared != null)
        {
            shared.set(CounterType.PAUSED, paused ? 1 : 0);
        }
    }

    /**
     * Called once per duty cycle with the work it did. Reading a clock costs 25-100 ns on a virtual
     * machine, more than a busy cycle of a light device, so a run of busy cycles reads it only every
     * {@link #BUSY_CYCLES_PER_CLOCK_READ}th time; an idle cycle (about to back off anyway) and the
     * one after it always do, which is what the idle time needs. A cycle that called process has a
     * fresh reading already (the end of the call) and always publishes when due: a heavy device
     * may run busy cycles of seconds each.
     */
    void onDutyCycle(final int work)
    {
        final long processEndNs = counters.lastProcessEndNs;
        final boolean processed = processEndNs != seenProcessEndNs;
        seenProcessEndNs = processEndNs;
        final boolean busyRun = work > 0 && !lastCycleIdle;
        if (busyRun && !processed && (++busyCycles & (BUSY_CYCLES_PER_CLOCK_READ - 1)) != 0)
        {
            return;
        }
        final long nowNs = busyRun && processed ? processEndNs : System.nanoTime();
        if (lastCycleIdle)
        {
            counters.idleNanos += nowNs - lastCycleNs;
        }
        lastCycleIdle = work == 0;
        lastCycleNs = nowNs;
        if (shared != null)
        {
            publishIfDue(nowNs);
        }
    }

    /**
     * Called after each timeslice a duty cycle handled, with the end of its process call: one duty
     * cycle may drain a backlog of many slow timeslices (64 of a second each are a minute), and readers
     * must see the counts move and the heartbeat beat meanwhile. The end of the call is a clock
     * reading taken anyway, so this costs a comparison per timeslice; idle time is left to
     * {@link #onDutyCycle}.
     */
    void onTimesliceHandled(final long processEndNs)
    {
        if (shared != null && processEndNs - lastPublishNs >= PUBLISH_INTERVAL_NS)
        {
            publishIfDue(processEndNs);
        }
    }

    private void publishIfDue(final long nowNs)
    {
        if (nowNs - lastPublishNs >= PUBLISH_INTERVAL_NS)
        {
            lastPublishNs = nowNs;
            shared.set(CounterType.HEARTBEAT_MS, System.currentTimeMillis());
            publishTotals();
        }
        if (nowNs - lastPercentilesNs >= PERCENTILE_INTERVAL_NS)
        {
            lastPercentilesNs = nowNs;
            publishPercentiles();
        }
    }

    /** Publishes everything now (at the end, so the Driver reads final values). */
    void flush()
    {
        if (shared != null)
        {
            shared.set(CounterType.HEARTBEAT_MS, System.currentTimeMillis());
            publishTotals();
            publishPercentiles();
        }
    }

    private void publishTotals()
    {
        shared.set(CounterType.TIMESLICES_IN, counters.timeslicesIn);
        shared.set(CounterType.TIMESLICES_OUT, counters.timeslicesOut);
        shared.set(CounterType.BYTES_IN, counters.bytesIn);
        shared.set(CounterType.BYTES_OUT, counters.bytesOut);
        shared.set(CounterType.BACK_PRESSURE_NS, counters.backPressureNanos);
        shared.set(CounterType.IDLE_NS, counters.idleNanos);
        shared.set(CounterType.ERRORS, counters.errors);
        shared.set(CounterType.TIMESLICES_DROPPED, counters.timeslicesDropped);
        if (gpuMetrics != null)
        {
            publishGpu();
        }
        shared.set(CounterType.RATE_LIMIT_WAIT_NS, counters.rateLimitWaitNanos);
        shared.set(CounterType.IN_FLIGHT, counters.inFlight);
        shared.set(CounterType.MAX_IN_FLIGHT, counters.maxInFlight);
        final long[] messages = counters.outputMessages;
        final long[] bytes = counters.outputBytes;
        for (int r = 0; r < routeOutput.length; r++)
        {
            final int o = routeOutput[r];
            if (o >= 0 && o < messages.length)
            {
                shared.route(r, messages[o], bytes[o]);
            }
        }
    }

    private void publishGpu()
    {
        shared.set(CounterType.GPU_BUSY_PERMILLE, Math.round(gpuMetrics.get(GpuMetrics.BUSY_FRACTION) * 1000));
        shared.set(CounterType.GPU_KERNEL_NS, Math.round(gpuMetrics.get(GpuMetrics.KERNEL_MS) * 1e6));
        shared.set(CounterType.GPU_TRANSFER_BYTES, Math.round(gpuMetrics.get(GpuMetrics.TRANSFER_BYTES)));
        shared.set(CounterType.GPU_TRANSFER_NS, Math.round(gpuMetrics.get(GpuMetrics.TRANSFER_MS) * 1e6));
        shared.set(CounterType.GPU_POOL_HIGH_WATER_BYTES, Math.round(gpuMetrics.get(GpuMetrics.POOL_HIGH_WATER_BYTES)));
    }

    private void publishPercentiles()
    {
        final Histogram histogram = counters.processingNanos;
        if (histogram.getTotalCount() == 0)
        {
            return; // nothing processed lately: keep the last figures
        }
        shared.set(CounterType.PROCESSING_P50_NS, histogram.getValueAtPercentile(50));
        shared.set(CounterType.PROCESSING_P99_NS, histogram.getValueAtPercentile(99));
        shared.set(CounterType.PROCESSING_MAX_NS, histogram.getMaxValue());
        histogram.reset();
    }

    /** The run's counters file, or null without one: what else the runner reads there (the rate limit). */
    RunCountersFile file()
    {
        return file;
    }

    @Override
    public void close()
    {
        if (file != null)
        {
            file.close();
        }
    }
}
