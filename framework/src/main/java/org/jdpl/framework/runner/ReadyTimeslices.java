package org.jdpl.framework.runner;

/** Complete timeslices waiting to be handed to the device, first in first out: a ring that grows, never shrinks. */
final class ReadyTimeslices
{
    private PendingTimeslice[] ready = new PendingTimeslice[16];
    private int head;
    private int count;

    boolean isEmpty()
    {
        return count == 0;
    }

    void push(final PendingTimeslice entry)
    {
        if (count == ready.length)
        {
            final PendingTimeslice[] larger = new PendingTimeslice[ready.length * 2];
            for (int i = 0; i < count; i++)
            {
                larger[i] = ready[(head + i) % ready.length];
            }
            ready = larger;
            head = 0;
        }
        ready[(head + count) % ready.length] = entry;
        count++;
    }

    PendingTimeslice poll()
    {
        final PendingTimeslice entry = ready[head];
        ready[head] = null;
        head = (head + 1) % ready.length;
        count--;
        return entry;
    }
}
