package org.jdpl.framework.runner;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.aeron.Aeron;

/**
 * Notices that the Driver process or the media driver went away, so that a device never outlives
 * its run: checks the Driver's pid (and the Aeron client) at most every {@code checkIntervalMs}.
 * Cheap enough to call on every loop.
 */
final class DriverWatch
{
    private final long driverPid;
    private final ProcessHandle driver;
    private final long checkIntervalNs;
    private Aeron aeron;
    private long nextCheckNs;

    DriverWatch(final long driverPid, final long checkIntervalMs)
    {
        this.driverPid = driverPid;
        final Optional<ProcessHandle> handle = ProcessHandle.of(driverPid);
        this.driver = handle.orElse(null);
        this.checkIntervalNs = TimeUnit.MILLISECONDS.toNanos(checkIntervalMs);
    }

    /** Watches this Aeron client too, once connected. */
    void watch(final Aeron aeron)
    {
        this.aeron = aeron;
    }

    /** Throws {@link DriverLostException} when the Driver or the media driver is gone. */
    void check()
    {
        final long nowNs = System.nanoTime();
        if (nowNs - nextCheckNs < 0)
        {
            return;
        }
        nextCheckNs = nowNs + checkIntervalNs;
        checkNow();
    }

    void checkNow()
    {
        if (driver == null || !driver.isAlive())
        {
            throw new DriverLostException("the Driver process (pid " + driverPid + ") is gone; stopping");
        }
        if (aeron != null && aeron.isClosed())
        {
            throw new DriverLostException("lost the media driver (the Aeron client closed); stopping");
        }
        if (Thread.currentThread().isInterrupted())
        {
            throw new DriverLostException("interrupted while waiting; stopping");
        }
    }
}
