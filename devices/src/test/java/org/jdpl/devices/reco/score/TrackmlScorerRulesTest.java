package org.jdpl.devices.reco.score;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

/** Rules of the scorer that hand-built events at the good-track boundaries do not reach: long tracks, repeated hits, per-event state. */
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
