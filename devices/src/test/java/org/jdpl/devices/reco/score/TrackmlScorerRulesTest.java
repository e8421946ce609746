package org.jdpl.devices.reco.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.util.stream.LongStream;

import org.jdpl.devices.reco.event.Layout;
import org.jdpl.devices.reco.event.Particles;
import org.jdpl.devices.reco.event.Table;
import org.jdpl.devices.reco.event.TrackHits;
import org.jdpl.devices.reco.event.Truth;

import org.junit.jupiter.api.Test;

/** Rules of the scorer that hand-built events at the good-track boundaries do not reach: long tracks, repeated hits, per-event state, tables of one event. */
class TrackmlScorerRulesTest
{
    private static final double EXACT = 1e-6;

    @Test
    void shouldScoreATrackLongerThanTheScorersFirstBuffer()
    {
        final long[] hits = LongStream.rangeClosed(1000, 1199).toArray();
        final ScoreTally tally = new HandEvent().particle(1, 1, hits).particle(2, 1, 5000).track(0, hits).score(1);
        assertEquals(200.0 / 201, tally.score(), EXACT, tally::toString);
        assertEquals(0.0, tally.fakeRate(), EXACT);
    }

    @Test
    void shouldCountAHitListedTwiceOnATrackOnce()
    {
        // Counted once, track 0 holds one hit of particle 1 and one of particle 2: no majority, a fake.
        // Counted twice, particle 1 would hold 2 of its 3 entries.
        final ScoreTally tally = new HandEvent().particle(1, 1, 11, 12).particle(2, 1, 21).track(0, 11, 11, 21).score(1);
        assertEquals(1.0, tally.fakeRate(), EXACT, tally::toString);
        assertEquals(0.0, tally.score(), EXACT);
    }

    @Test
    void shouldRefuseTablesOfDifferentEvents()
    {
        try (Arena arena = Arena.ofConfined())
        {
            final Table truth = empty(arena, Truth.LAYOUT, 7);
            final TrackmlScorer scorer = new TrackmlScorer(1.0, 1);
            final ScoreTally tally = new ScoreTally();
            final IllegalArgumentException hits = assertThrows(IllegalArgumentException.class,
                () -> scorer.scoreEvent(truth, empty(arena, Particles.LAYOUT, 7), empty(arena, TrackHits.LAYOUT, 8), null, 0, tally));
            assertTrue(hits.getMessage().startsWith("inputs of one timeslice disagree"), hits.getMessage());
            assertThrows(IllegalArgumentException.class,
                () -> scorer.scoreEvent(truth, empty(arena, Particles.LAYOUT, 8), empty(arena, TrackHits.LAYOUT, 7), null, 0, tally));
            assertEquals(0, tally.events() + tally.eventsWithoutTruth(), "nothing was counted");
        }
    }

    private static Table empty(final Arena arena, final Layout layout, final long eventId)
    {
        final Table table = new Table(layout);
        table.create(arena.allocate(Table.sizeBytes(layout, 1, 0), 8), new long[] {eventId}, new int[] {0});
        return table;
    }

    @Test
    void shouldForgetAnEventsHitsBeforeTheNext()
    {
        // Event A has hit 99 (particle 2) in its truth row 3. Event B has no hit 99, and particle 1's hits in rows 2 and 3:
        // its track of 11 and 99 holds one hit of particle 1 and noise, a fake; remembering A's row of 99 would make it
        // a good track of particle 1.
        final TrackmlScorer scorer = new TrackmlScorer(1.0, 1);
        new HandEvent().particle(1, 1, 11, 12, 13).particle(2, 1, 99).track(0, 11, 12, 13).scoreInto(scorer, new ScoreTally());
        final ScoreTally b = new ScoreTally();
        new HandEvent().particle(5, 1, 55, 56).particle(1, 1, 11, 12).track(0, 11, 99).scoreInto(scorer, b);
        assertEquals(0.0, b.score(), EXACT, b::toString);
        assertEquals(1.0, b.fakeRate(), EXACT, b::toString);
    }
}
