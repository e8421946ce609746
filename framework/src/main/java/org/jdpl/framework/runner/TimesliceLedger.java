package org.jdpl.framework.runner;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.jdpl.framework.run.CompletionBits;
import org.jdpl.framework.run.TimesliceDrop;

/**
 * Which timeslices this replica completed (kept by sinks, where "completed" means the run is done
 * with it) and which it dropped, with the reason, so the Driver can account for every timeslice a
 * source produced. Completion is a bit per timeslice id; drops are few and kept up to a limit.
 */
final class TimesliceLedger
{
    /** More drops than this are counted but not listed. */
    static final int MAX_LISTED_DROPS = 10_000;

    private final BitSet completed = new BitSet();
    private final List<TimesliceDrop> drops = new ArrayList<>();
    private CompletionBits kept;

    /** Also keeps each completion in {@code bits}, which outlive this process (a sink's, for the Driver's accounting). */
    void keepIn(final CompletionBits bits)
    {
        kept = bits;
    }

    void completed(final long timeslice)
    {
        if (timeslice >= 0 && timeslice < Integer.MAX_VALUE)
        {
            completed.set((int)timeslice);
            if (kept != null)
            {
                kept.set(timeslice);
            }
        }
    }

    void dropped(final long timeslice, final String reason)
    {
        if (drops.size() < MAX_LISTED_DROPS)
        {
            drops.add(new TimesliceDrop(timeslice, reason));
        }
    }

    /** Completed ids as inclusive ranges, flattened: from0, to0, from1, to1, ... */
    List<Long> completedRanges()
    {
        final List<Long> ranges = new ArrayList<>();
        for (int from = completed.nextSetBit(0); from >= 0; )
        {
            final int end = completed.nextClearBit(from);
            ranges.add((long)from);
            ranges.add((long)end - 1);
            from = completed.nextSetBit(end);
        }
        return ranges;
    }

    List<TimesliceDrop> drops()
    {
        return List.copyOf(drops);
    }
}
