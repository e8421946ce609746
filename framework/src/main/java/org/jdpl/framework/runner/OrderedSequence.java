package org.jdpl.framework.runner;

/**
 * Which timeslice {@code completion = ordered} may hand over next. Without a sequence, the smallest
 * pending one, once complete. With one (a device replica: r, r + n, r + 2n, ... for replica r of n),
 * also only the next expected id, so a timeslice waits for a smaller one not seen yet. A gap is
 * given up on (counted) once {@value #MAX_WAITING_BEHIND_GAP} complete timeslices wait behind it, or
 * at end of stream; an id that arrives after it was given up on goes through at once.
 */
final class OrderedSequence
{
    /** How many complete timeslices may wait behind a missing id before it is skipped. */
    static final int MAX_WAITING_BEHIND_GAP = 256;

    private long expectedNext;
    private long stride;
    private long gapsSkipped;
    private boolean flushing;

    void expect(final long first, final long stride)
    {
        this.expectedNext = first;
        this.stride = stride;
    }

    /**
     * Whether {@code timeslice}, complete and the smallest pending, may go now, given how many
     * complete timeslices wait ({@code completeWaiting}, at most {@link #MAX_WAITING_BEHIND_GAP} counted).
     */
    boolean mayDeliver(final long timeslice, final int completeWaiting)
    {
        if (stride == 0 || timeslice <= expectedNext)
        {
            return true;
        }
        if (flushing || completeWaiting >= MAX_WAITING_BEHIND_GAP)
        {
            gapsSkipped++;
            return true;
        }
        return false;
    }

    /** Whether {@link #mayDeliver} may need the count of complete timeslices waiting. */
    boolean waitsFor(final long timeslice)
    {
        return stride != 0 && timeslice > expectedNext && !flushing;
    }

    void delivered(final long timeslice)
    {
        if (stride > 0)
        {
            expectedNext = Math.max(expectedNext, timeslice + stride);
        }
    }

    /** At end of stream: no more waiting for gaps. */
    void flushing(final boolean flushing)
    {
        this.flushing = flushing;
    }

    long gapsSkipped()
    {
        return gapsSkipped;
    }

    /** Whether the first of the pending timeslices (complete) may go now, or waits for a smaller one. */
    boolean mayDeliverFirst(final PendingTimeslices pending)
    {
        final long first = pending.get(0).timeslice();
        if (!waitsFor(first))
        {
            return mayDeliver(first, 0);
        }
        int complete = 0;
        for (int i = 0; i < pending.count() && complete < MAX_WAITING_BEHIND_GAP; i++)
        {
            complete += pending.get(i).isComplete() ? 1 : 0;
        }
        return mayDeliver(first, complete);
    }
}
