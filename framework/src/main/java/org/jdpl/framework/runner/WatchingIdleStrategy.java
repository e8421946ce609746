package org.jdpl.framework.runner;

import org.agrona.concurrent.IdleStrategy;

/**
 * Waits as its delegate does, and checks the {@link DriverWatch} at every wait, so a device blocked
 * on back-pressure (a full payload segment, whose own signal does the waiting) still stops when asked
 * or orphaned.
 */
final class WatchingIdleStrategy implements IdleStrategy
{
    private final IdleStrategy delegate;
    private final DriverWatch watch;

    WatchingIdleStrategy(final IdleStrategy delegate, final DriverWatch watch)
    {
        this.delegate = delegate;
        this.watch = watch;
    }

    @Override
    public void idle(final int workCount)
    {
        delegate.idle(workCount);
        if (workCount <= 0)
        {
            watch.check();
        }
    }

    @Override
    public void idle()
    {
        delegate.idle();
        watch.check();
    }

    @Override
    public void reset()
    {
        delegate.reset();
    }

    @Override
    public String alias()
    {
        return "watching-" + delegate.alias();
    }
}
