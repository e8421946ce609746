package org.jdpl.framework.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.jdpl.framework.run.TimesliceDrop;
import org.junit.jupiter.api.Test;

/** A replica's ledger: completed ids as ranges, drops with their reasons, each id counted once and what cannot be an id left out. */
class TimesliceLedgerTest
{
    @Test
    void shouldListCompletedIdsAsInclusiveRangesWhateverTheOrderTheyCameIn()
    {
        final TimesliceLedger ledger = new TimesliceLedger();
        for (final long id : new long[] {5, 0, 1, 2, 7, 6, 9, 2})
        {
            ledger.completed(id);
        }
        assertEquals(List.of(0L, 2L, 5L, 7L, 9L, 9L), ledger.completedRanges());
    }

    @Test
    void shouldLeaveOutWhatCannotBeAnIdAndListNothingWhenNothingCompleted()
    {
        final TimesliceLedger ledger = new TimesliceLedger();
        assertEquals(List.of(), ledger.completedRanges());
        ledger.completed(-1);
        ledger.completed(Integer.MAX_VALUE);
        ledger.completed(Long.MAX_VALUE);
        assertEquals(List.of(), ledger.completedRanges());
    }

    @Test
    void shouldListDropsWithTheirReasonsUpToTheLimit()
    {
        final TimesliceLedger ledger = new TimesliceLedger();
        ledger.dropped(3, "expired");
        ledger.dropped(4, "device error");
        assertEquals(List.of(new TimesliceDrop(3, "expired"), new TimesliceDrop(4, "device error")), ledger.drops());
        for (int i = 2; i < TimesliceLedger.MAX_LISTED_DROPS + 5; i++)
        {
            ledger.dropped(100 + i, "many");
        }
        assertEquals(TimesliceLedger.MAX_LISTED_DROPS, ledger.drops().size());
        assertEquals(new TimesliceDrop(100 + TimesliceLedger.MAX_LISTED_DROPS - 1, "many"), ledger.drops().getLast());
    }
}
