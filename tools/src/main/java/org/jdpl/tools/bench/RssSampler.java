package org.jdpl.tools.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.jdpl.framework.driver.ProcStat;

/**
 * Samples the resident memory of this JVM's device processes (its descendants running DeviceMain, a device's or a process group's)
 * from /proc twice a second, on its own thread: the sum at the first sample once all have run for a
 * warm-up period ({@code start}), and the last sum while all were still alive ({@code end}).
 */
final class RssSampler implements AutoCloseable
{
    private static final long PERIOD_NS = TimeUnit.MILLISECONDS.toNanos(500);

    private final int expectedProcesses;
    private final long warmUpNs;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long startBytes = -1;
    private volatile long endBytes = -1;
    private volatile long startAnonBytes = -1;
    private volatile long endAnonBytes = -1;

    RssSampler(final int expectedProcesses, final long warmUpMs)
    {
        this.expectedProcesses = expectedProcesses;
        this.warmUpNs = TimeUnit.MILLISECONDS.toNanos(warmUpMs);
        this.thread = Thread.ofPlatform().daemon().name("rss-sampler").start(this::sample);
    }

    long startBytes()
    {
        return startBytes;
    }

    long endBytes()
    {
        return endBytes;
    }

    /** Private memory (heap, stacks, code) only: what a leak in a device would grow; shared mappings excluded. */
    long startAnonBytes()
    {
        return startAnonBytes;
    }

    long endAnonBytes()
    {
        return endAnonBytes;
    }

    private void sample()
    {
        long allAliveSinceNs = -1;
        while (running)
        {
            final List<ProcessHandle> devices = ProcessHandle.current().descendants()
                .filter(p -> isDeviceProcess(ProcStat.commandLine(p.pid())))
                .toList();
            final long now = System.nanoTime();
            if (devices.size() == expectedProcesses)
            {
                allAliveSinceNs = allAliveSinceNs < 0 ? now : allAliveSinceNs;
                final long sum = devices.stream().mapToLong(p -> Math.max(0, ProcStat.rssBytes(p.pid()))).sum();
                final long anon = devices.stream().mapToLong(p -> Math.max(0, ProcStat.anonymousRssBytes(p.pid()))).sum();
                if (startBytes < 0 && now - allAliveSinceNs >= warmUpNs)
                {
                    startBytes = sum;
                    startAnonBytes = anon;
                }
                if (startBytes >= 0)
                {
                    endBytes = sum;
                    endAnonBytes = anon;
                }
            }
            LockSupport.parkNanos(PERIOD_NS);
        }
    }

    @Override
    public void close()
    {
        running = false;
        LockSupport.unpark(thread);
        try
        {
            thread.join(2_000);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean isDeviceProcess(final String commandLine)
    {
        return commandLine.contains("org.jdpl.framework.runner.DeviceMain");
    }
}
