package org.jdpl.tools.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Samples the resident memory of this JVM's device processes (its descendants running DeviceMain)
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
                .filter(p -> commandLine(p).contains("org.jdpl.framework.runner.DeviceMain"))
                .toList();
            final long now = System.nanoTime();
            if (devices.size() == expectedProcesses)
            {
                allAliveSinceNs = allAliveSinceNs < 0 ? now : allAliveSinceNs;
                final long sum = devices.stream().mapToLong(p -> statusBytes(p, "VmRSS:")).sum();
                final long anon = devices.stream().mapToLong(p -> statusBytes(p, "RssAnon:")).sum();
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

    private static String commandLine(final ProcessHandle p)
    {
        try
        {
            return Files.readString(Path.of("/proc", Long.toString(p.pid()), "cmdline"));
        }
        catch (final IOException ex)
        {
            return "";
        }
    }

    private static long statusBytes(final ProcessHandle p, final String field)
    {
        try
        {
            for (final String line : Files.readAllLines(Path.of("/proc", Long.toString(p.pid()), "status")))
            {
                if (line.startsWith(field))
                {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        }
        catch (final IOException | NumberFormatException ex)
        {
            return 0;
        }
        return 0;
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
}
