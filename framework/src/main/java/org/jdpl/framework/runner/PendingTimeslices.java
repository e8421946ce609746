package org.jdpl.framework.runner;

import java.lang.foreign.Arena;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * The timeslices being gathered, sorted by id, and the pool their entries return to once done: an
 * array kept in order (arrivals are mostly increasing, so the end is checked before searching).
 * Grows, never shrinks; reuses every entry, so a steady stream allocates nothing.
 */
final class PendingTimeslices
{
    private final String[] labels;
    private final boolean[] required;
    private final ConditionHolder conditions;
    private final Arena arena;
    private final ArrayDeque<PendingTimeslice> pool = new ArrayDeque<>();
    private PendingTimeslice[] pending = new PendingTimeslice[16];
    private int count;

    PendingTimeslices(final String[] labels, final boolean[] required, final ConditionHolder conditions, final Arena arena)
    {
        this.labels = labels;
        this.required = required;
        this.conditions = conditions;
        this.arena = arena;
    }

    int count()
    {
        return count;
    }

    /** The i-th pending timeslice, in increasing id order. */
    PendingTimeslice get(final int index)
    {
        return pending[index];
    }

    /** A fresh entry for {@code timeslice}, from the pool when it has one; not in the pending set. */
    PendingTimeslice acquire(final long timeslice)
    {
        PendingTimeslice entry = pool.poll();
        if (entry == null)
        {
            entry = new PendingTimeslice(labels, required, conditions, arena);
        }
        entry.reset(timeslice);
        return entry;
    }

    /** Clears a done entry (releasing what it held) and returns it to the pool. */
    void recycle(final PendingTimeslice entry)
    {
        entry.clearAll();
        pool.push(entry);
    }

    /** The position of {@code timeslice}'s entry, inserted when it has none yet. */
    int findOrInsert(final long timeslice)
    {
        if (count > 0 && pending[count - 1].timeslice() == timeslice)
        {
            return count - 1;
        }
        int low = 0;
        int high = count - 1;
        while (low <= high)
        {
            final int mid = (low + high) >>> 1;
            final long midTimeslice = pending[mid].timeslice();
            if (midTimeslice < timeslice)
            {
                low = mid + 1;
            }
            else if (midTimeslice > timeslice)
            {
                high = mid - 1;
            }
            else
            {
                return mid;
            }
        }
        if (count == pending.length)
        {
            pending = Arrays.copyOf(pending, pending.length * 2);
        }
        System.arraycopy(pending, low, pending, low + 1, count - low);
        pending[low] = acquire(timeslice);
        count++;
        return low;
    }

    /** Takes the entry at {@code position} out of the set (not recycled: the caller still hands it over). */
    PendingTimeslice remove(final int position)
    {
        final PendingTimeslice entry = pending[position];
        System.arraycopy(pending, position + 1, pending, position, count - position - 1);
        pending[--count] = null;
        return entry;
    }

    /** Drops every entry (at end of stream); returns how many held a required message. The others' messages count as late. */
    int dropAll(final InputLifetimes lifetimes)
    {
        int dropped = 0;
        while (count > 0)
        {
            final PendingTimeslice entry = remove(count - 1);
            if (entry.hasRequired())
            {
                dropped++;
            }
            else
            {
                lifetimes.countLate(entry.arrived());
            }
            recycle(entry);
        }
        return dropped;
    }
}
