package org.jdpl.tools.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.agrona.concurrent.status.AtomicCounter;
import org.jdpl.framework.counters.CounterType;
import org.jdpl.framework.counters.ReplicaCounters;
import org.jdpl.framework.counters.RunCountersFile;
import org.jdpl.framework.plan.Plan;
import org.jdpl.framework.plan.PlannedDevice;
import org.jdpl.framework.run.RunLayout;

/**
 * Samples, every {@link #PERIOD_NS}, how many timeframes of a run are in flight: what the source
 * published as produced minus what the sink published as completed, from the run's shared counters
 * (found under the bench's own shared-memory root), on a thread of its own while the Driver runs.
 * Independent of what the source's rate limiter believes.
 */
final class InFlightSampler implements AutoCloseable
{
    static final long PERIOD_NS = TimeUnit.MILLISECONDS.toNanos(2);
    private static final int MAX_SAMPLES = 1 << 20;

    private final Path shmRoot;
    private final Plan plan;
    private final String source;
    private final String sink;
    private final Thread thread;
    private final long[] timesNs = new long[MAX_SAMPLES];
    private final long[] produced = new long[MAX_SAMPLES];
    private final long[] done = new long[MAX_SAMPLES];
    private volatile boolean running = true;
    private volatile int count;

    InFlightSampler(final Path shmRoot, final Plan plan, final String source, final String sink)
    {
        this.shmRoot = shmRoot;
        this.plan = plan;
        this.source = source;
        this.sink = sink;
        this.thread = new Thread(this::sample, "in-flight-sampler");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Stops sampling; the samples are then read with {@link #samples()}. */
    @Override
    public void close()
    {
        running = false;
        try
        {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    /** The samples taken: time (ns), produced, done; one row each. */
    InFlightSamples samples()
    {
        final int n = count;
        return new InFlightSamples(Arrays.copyOf(timesNs, n), Arrays.copyOf(produced, n), Arrays.copyOf(done, n));
    }

    private void sample()
    {
        RunCountersFile file = null;
        try
        {
            while (running && file == null)
            {
                file = openCounters();
                LockSupport.parkNanos(PERIOD_NS);
            }
            if (file == null)
            {
                return;
            }
            final AtomicCounter out = counters(file, source, 0).get(CounterType.TIMESLICES_OUT);
            final PlannedDevice sinkDevice = plan.device(sink);
            final AtomicCounter[] in = new AtomicCounter[sinkDevice.replicas()];
            for (int r = 0; r < in.length; r++)
            {
                in[r] = counters(file, sink, r).get(CounterType.TIMESLICES_IN);
            }
            while (running && count < MAX_SAMPLES)
            {
                long completed = 0;
                for (final AtomicCounter c : in)
                {
                    completed += c.get();
                }
                final int i = count;
                timesNs[i] = System.nanoTime();
                produced[i] = out.get();
                done[i] = completed;
                count = i + 1;
                LockSupport.parkNanos(PERIOD_NS);
            }
        }
        finally
        {
            if (file != null)
            {
                file.close();
            }
        }
    }

    private ReplicaCounters counters(final RunCountersFile file, final String device, final int replica)
    {
        final PlannedDevice d = plan.device(device);
        return ReplicaCounters.find(file, plan.devices().indexOf(d), replica, d.routes().size());
    }

    /** The counters file of the run under the bench's root, once the Driver made it whole; else null. */
    private RunCountersFile openCounters()
    {
        try (DirectoryStream<Path> runs = Files.newDirectoryStream(shmRoot))
        {
            for (final Path run : runs)
            {
                final Path counters = RunLayout.counters(run);
                if (Files.isRegularFile(counters))
                {
                    return RunCountersFile.open(counters);
                }
            }
        }
        catch (final IOException ex)
        {
            // not there yet, or not complete yet: look again
        }
        return null;
    }
}
