package org.jdpl.devices.reco.chain;

import java.util.concurrent.Phaser;

/**
 * Runs a per-event task over the events of one timeframe on {@code threads} threads: the caller's and
 * {@code threads - 1} workers started once. Event {@code e} runs on thread {@code e mod threads}, so which
 * thread handles an event depends only on its index, and each thread's working state (a seed finder, a
 * track finder) is its own. There is no hand-off per event: two barriers per timeframe (start, end) are
 * the only synchronisation, and they give the caller every event's result. One thread runs everything
 * inline. Closed by whoever made it.
 */
final class EventWorkers implements AutoCloseable
{
    /** Work on one event, on thread {@code worker} (0 is the caller's). */
    @FunctionalInterface
    interface Task
    {
        void run(int worker, int event);
    }

    private final int threads;
    private final Phaser phaser;
    private final Thread[] workers;
    private volatile Task task;
    private volatile int events;
    private volatile boolean closed;
    private volatile Throwable failure;

    EventWorkers(final int threads, final String name)
    {
        if (threads < 1)
        {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
        this.phaser = new Phaser(threads);
        this.workers = new Thread[threads - 1];
        for (int w = 1; w < threads; w++)
        {
            final int worker = w;
            workers[w - 1] = Thread.ofPlatform().daemon().name(name + "-worker-" + w).start(() -> loop(worker));
        }
    }

    /** Runs {@code work} on events 0 .. {@code eventCount - 1}; returns when all are done, or throws the first failure. */
    void run(final int eventCount, final Task work)
    {
        if (threads == 1)
        {
            for (int e = 0; e < eventCount; e++)
            {
                work.run(0, e);
            }
            return;
        }
        task = work;
        events = eventCount;
        failure = null;
        phaser.arriveAndAwaitAdvance();
        share(0);
        phaser.arriveAndAwaitAdvance();
        task = null;
        final Throwable failed = failure;
        if (failed instanceof RuntimeException runtime)
        {
            throw runtime;
        }
        if (failed instanceof Error error)
        {
            throw error;
        }
    }

    private void loop(final int worker)
    {
        while (true)
        {
            phaser.arriveAndAwaitAdvance();
            if (closed)
            {
                phaser.arriveAndDeregister();
                return;
            }
            share(worker);
            phaser.arriveAndAwaitAdvance();
        }
    }

    private void share(final int worker)
    {
        try
        {
            for (int e = worker; e < events; e += threads)
            {
                task.run(worker, e);
            }
        }
        catch (final RuntimeException | Error ex)
        {
            failure = ex;
        }
    }

    @Override
    public void close()
    {
        if (threads == 1 || closed)
        {
            return;
        }
        closed = true;
        phaser.arriveAndDeregister();
        for (final Thread worker : workers)
        {
            try
            {
                worker.join();
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
