package org.jdpl.framework.runner;

import java.util.List;

import org.agrona.collections.LongHashSet;
import org.jdpl.framework.spec.InputSpec;
import org.jdpl.framework.spec.Lifetime;

/**
 * The ids of the last {@value #REMEMBERED} timeslices delivered, so that an optional message
 * arriving after its timeslice is recognised as late. Only kept for devices with optional or
 * sporadic inputs; sized once, so remembering allocates nothing per timeslice.
 */
final class RecentTimeslices
{
    static final int REMEMBERED = 4096;
    private static final RecentTimeslices NONE = new RecentTimeslices(0);

    private final LongHashSet ids;
    private final long[] order;
    private int next;

    private RecentTimeslices(final int capacity)
    {
        this.ids = capacity == 0 ? null : new LongHashSet(capacity * 2);
        this.order = new long[capacity];
    }

    static RecentTimeslices forInputs(final List<InputSpec> inputs)
    {
        for (final InputSpec input : inputs)
        {
            if (input.lifetime() == Lifetime.OPTIONAL || input.lifetime() == Lifetime.SPORADIC)
            {
                return new RecentTimeslices(REMEMBERED);
            }
        }
        return NONE;
    }

    boolean isTracking()
    {
        return ids != null;
    }

    void add(final long timeslice)
    {
        if (ids == null)
        {
            return;
        }
        if (ids.size() == order.length)
        {
            ids.remove(order[next]);
        }
        order[next] = timeslice;
        next = (next + 1) % order.length;
        ids.add(timeslice);
    }

    boolean contains(final long timeslice)
    {
        return ids != null && ids.contains(timeslice);
    }
}
