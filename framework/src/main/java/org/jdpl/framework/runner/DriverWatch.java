package org.jdpl.framework.runner;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.aeron.Aeron;
import io.aeron.exceptions.ClientTimeoutException;
import io.aeron.exceptions.DriverTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices that the Driver process or the media driver went away, so that a device never outlives
 * its run: checks the Driver's pid (and the Aeron client) at most every {@code checkIntervalMs}.
 * Cheap enough to call on every loop.
 */
final class DriverWatch
{
    private static final Logger LOG = LoggerFactory.getLogger(DriverWatch.class);

    /** A device stops by itself within this long of losing the media driver. */
    private static final long DRIVER_TIMEOUT_MS = 5_000;

    private final long driverPid;
    private final ProcessHandle driver;
    private final long checkIntervalNs;
    private Aeron aeron;
    private long nextCheckNs;
    private volatile String aeronFailure;
    private volatile boolean closeRequested;

    DriverWatch(final long driverPid, final long checkIntervalMs)
    {
        this.driverPid = driverPid;
        final Optional<ProcessHandle> handle = ProcessHandle.of(driverPid);
        this.driver = handle.orElse(null);
        this.checkIntervalNs = TimeUnit.MILLISECONDS.toNanos(checkIntervalMs);
    }

    /**
     * Connects this process's Aeron client to the run's media driver, with the error handler that
     * notices the driver going away; a driver that cannot be reached is the Driver lost.
     */
    Aeron connect(final String aeronDir, final String clientName)
    {
        checkNow();
        try
        {
            return Aeron.connect(new Aeron.Context()
                .aeronDirectoryName(aeronDir)
                .driverTimeoutMs(DRIVER_TIMEOUT_MS)
                .errorHandler(this::onAeronError)
                .clientName(clientName));
        }
        catch (final RuntimeException e)
        {
            throw new DriverLostException("could not connect to the media driver at " + aeronDir +
                " (" + e.getMessage() + "); is the Driver still running?");
        }
    }

    /** Watches this Aeron client too, once connected. */
    void watch(final Aeron aeron)
    {
        this.aeron = aeron;
    }

    /** For the Aeron client's error handler: a timeout between client and media driver means the run is lost to us. */
    void onAeronError(final Throwable error)
    {
        if (error instanceof DriverTimeoutException || error instanceof ClientTimeoutException)
        {
            aeronFailure = error.getMessage();
        }
        else
        {
            LOG.warn("Aeron client error: {}", error.toString());
        }
    }

    /** Makes waiting loops give up (the runner is being closed). */
    void requestClose()
    {
        closeRequested = true;
    }

    /**
     * Throws {@link DriverLostException} when the Driver or the media driver is gone, and
     * {@link RunnerClosedException} when the runner is being closed.
     */
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
        if (closeRequested || Thread.currentThread().isInterrupted())
        {
            throw new RunnerClosedException();
        }
        if (driver == null || !driver.isAlive())
        {
            throw new DriverLostException("the Driver process (pid " + driverPid + ") is gone; stopping");
        }
        final String failure = aeronFailure;
        if (failure != null || (aeron != null && aeron.isClosed()))
        {
            throw new DriverLostException("lost the media driver (" + (failure != null ? failure : "the Aeron client closed") +
                "); stopping");
        }
    }
}
