package org.jdpl.tools.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.jdpl.framework.driver.ProcStat;

/**
 * One {@code dpl run} as its own process, timed from before it is started: when its sink reports the
 * (only) timeframe, and when it exits. A sampler thread reads each device process's memory and CPU time
 * from /proc every {@link #PERIOD_MS} ms, so that what a process had at the first timeframe is known
 * even though the 1-timeframe chain ends right after it.
 */
final class StartupRun
{
    static final long PERIOD_MS = 20;
    private static final long TIMEOUT_S = 180;
    /** The checksum sink's line at the end of its stream; the chain carries one timeframe, so this is the first done. */
    private static final String FIRST_TIMEFRAME_DONE = "checksum-sink 'sink': 1 received";

    /** What one device process had: memory at the last sample, CPU time up to it. */
    record DeviceSample(long rssBytes, long pssBytes, long cpuMs)
    {
    }

    /** The figures of one run; times in ms from before {@code dpl run} was started. */
    record Result(double msToFirstTimeframe, double msTotal, List<DeviceSample> devices, long driverPeakRssBytes)
    {
    }

    private final Map<Long, DeviceSample> atFirstTimeframe = new HashMap<>();
    private final Map<Long, DeviceSample> latest = new HashMap<>();
    private volatile long driverPeakRssBytes = -1;

    /** Runs {@code command} (a {@code dpl run}) to its end; fails when it does not end cleanly. */
    Result run(final List<String> command, final Path workDir)
    {
        final long startNs = System.nanoTime();
        final Process dpl;
        try
        {
            dpl = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot start dpl run: " + ex.getMessage(), ex);
        }
        final Thread sampler = Thread.ofPlatform().daemon().name("startup-sampler").start(() -> sample(dpl));
        long firstNs = -1;
        final StringBuilder output = new StringBuilder();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(dpl.getInputStream(), StandardCharsets.UTF_8)))
        {
            String line;
            while ((line = in.readLine()) != null)
            {
                if (firstNs < 0 && line.contains(FIRST_TIMEFRAME_DONE))
                {
                    firstNs = System.nanoTime();
                    synchronized (latest)
                    {
                        atFirstTimeframe.putAll(latest);
                    }
                }
                output.append(line).append('\n');
            }
            if (!dpl.waitFor(TIMEOUT_S, TimeUnit.SECONDS))
            {
                dpl.destroyForcibly();
                throw new IllegalStateException("dpl run did not end in " + TIMEOUT_S + " s:\n" + output);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read the output of dpl run: " + ex.getMessage(), ex);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            dpl.destroyForcibly();
            throw new IllegalStateException("interrupted", ex);
        }
        final long endNs = System.nanoTime();
        joinQuietly(sampler);
        if (dpl.exitValue() != 0 || firstNs < 0)
        {
            throw new IllegalStateException("dpl run " + (firstNs < 0 ? "never finished its timeframe" : "failed") + " (exit " +
                dpl.exitValue() + "):\n" + output);
        }
        return new Result((firstNs - startNs) / 1e6, (endNs - startNs) / 1e6, List.copyOf(atFirstTimeframe.values()),
            driverPeakRssBytes);
    }

    private void sample(final Process dpl)
    {
        while (dpl.isAlive())
        {
            final long peak = ProcStat.peakRssBytes(dpl.pid());
            if (peak > 0)
            {
                driverPeakRssBytes = peak;
            }
            final List<ProcessHandle> devices = new ArrayList<>(dpl.descendants().toList());
            for (final ProcessHandle device : devices)
            {
                final DeviceSample sample = new DeviceSample(ProcStat.rssBytes(device.pid()), ProcStat.pssBytes(device.pid()),
                    ProcStat.cpuMillis(device.pid()));
                if (sample.rssBytes() > 0 && sample.pssBytes() > 0 && sample.cpuMs() >= 0)
                {
                    synchronized (latest)
                    {
                        latest.put(device.pid(), sample);
                    }
                }
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(PERIOD_MS));
        }
    }

    private static void joinQuietly(final Thread thread)
    {
        try
        {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
