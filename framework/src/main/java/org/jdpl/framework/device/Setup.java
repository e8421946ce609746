package org.jdpl.framework.device;

import java.util.ArrayList;
import java.util.List;

/** Given to {@link DeviceSpec#init}: the options, who this instance is, and where to hook the end. */
public final class Setup
{
    private final InitContext context;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private ProcessFunction endOfStream;

    Setup(final InitContext context)
    {
        this.context = context;
    }

    /** The option's value: the topology's, or the declared default. */
    public <T> T get(final Option<T> option)
    {
        return option.read(context.options());
    }

    public DeviceInfo info()
    {
        return context.info();
    }

    public Metrics metrics()
    {
        return context.metrics();
    }

    /**
     * Called once every upstream producer has ended (a source: once it ended its stream), with no
     * inputs; last outputs may still be made, as timeslice {@link Timeslice#id()}.
     */
    public void onEndOfStream(final ProcessFunction callback)
    {
        if (endOfStream != null)
        {
            throw new IllegalStateException("device '" + context.info().name() + "': onEndOfStream set twice; do both things in one callback");
        }
        this.endOfStream = callback;
    }

    /**
     * Closed when the device ends, however it ends (end of stream, stop, failure), in the reverse
     * order of registration; also when a later part of init throws.
     */
    public <R extends AutoCloseable> R onClose(final R resource)
    {
        resources.add(resource);
        return resource;
    }

    ProcessFunction endOfStream()
    {
        return endOfStream;
    }

    /** Closes every resource, last registered first; the first failure is thrown with the others suppressed. */
    void closeAll() throws Exception
    {
        Exception failure = null;
        for (int i = resources.size() - 1; i >= 0; i--)
        {
            try
            {
                resources.get(i).close();
            }
            catch (final Exception e)
            {
                if (failure == null)
                {
                    failure = e;
                }
                else
                {
                    failure.addSuppressed(e);
                }
            }
        }
        resources.clear();
        if (failure != null)
        {
            throw failure;
        }
    }
}
