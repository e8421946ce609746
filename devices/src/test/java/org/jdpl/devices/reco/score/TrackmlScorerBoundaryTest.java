package org.jdpl.devices.reco.score;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The TrackML rule at its edges, on events written by hand: a track is good when MORE than half of its
 * hits come from one particle AND it holds MORE than half of that particle's hits; the score is the
 * weight of the good tracks' majority hits over the event's weight. Each event also has one clearly good
 * track (particle 3, hits 31 and 32 of weight 4) so that a wrong rule shows as a different, non-zero score.
 */
class TrackmlScorerBoundaryTest
{
    private static final double EXACT = 1e-6;

    /** Particle 3's two hits of weight 4, all on track 9: good on both sides, 8 to the score. */
    private static HandEvent withGoodTrack()
    {
        return new HandEvent().particle(3, 4, 31, 32).track(9, 31, 32);
    }

    @Test
    void shouldNotCountATrackWithExactlyHalfItsHitsFromOneParticle()
    {
        // Particle 1: 3 hits of weight 1; particle 2: 2 hits of weight 2. Track 0 holds 2 of each: no particle
        // has more than half of its 4 hits, though it holds 2 of particle 1's 3 (the particle side would pass).
        final ScoreTally tally = withGoodTrack()
            .particle(1, 1, 11, 12, 13)
            .particle(2, 2, 21, 22)
            .track(0, 11, 12, 21, 22)
            .score(1);

        // Weight: 3*1 + 2*2 + 8 = 15; good: track 9 only.
        assertEquals(8.0 / 15, tally.score(), EXACT, tally::toString);
        assertEquals(0.5, tally.fakeRate(), EXACT, "track 0 has no majority: a fake; " + tally);
    }

    @Test
    void shouldNotCountATrackHoldingExactlyHalfOfItsParticlesHits()
    {
        // Particle 1: 4 hits of weight 1. Track 0 holds 2 of them and nothing else: pure (the track side passes),
        // but only half of the particle.
        final ScoreTally tally = withGoodTrack()
            .particle(1, 1, 11, 12, 13, 14)
            .track(0, 11, 12)
            .score(1);

        // Weight: 4 + 8 = 12; good: track 9 only. Particle 1 is not found.
        assertEquals(8.0 / 12, tally.score(), EXACT, tally::toString);
        assertEquals(0.0, tally.fakeRate(), EXACT, "track 0 is matched, just not good; " + tally);
        assertEquals(0.5, tally.efficiency(), EXACT, tally::toString);
    }

    @Test
    void shouldNotCountATrackAtExactlyHalfOnBothSides()
    {
        // Particle 1: 4 hits; particle 2: 5 hits; all weight 1. Track 0: 2 of particle 1 and 2 of particle 2.
        final ScoreTally tally = withGoodTrack()
            .particle(1, 1, 11, 12, 13, 14)
            .particle(2, 1, 21, 22, 23, 24, 25)
            .track(0, 11, 12, 21, 22)
            .score(1);

        // Weight: 4 + 5 + 8 = 17; good: track 9 only.
        assertEquals(8.0 / 17, tally.score(), EXACT, tally::toString);
    }

    @Test
    void shouldCountATrackJustOverHalfOnBothSidesWithOnlyItsMajorityHits()
    {
        // Particle 1: hits 11, 12, 13 of weight 1, 2, 3 (three calls, three weights); particle 2: hits 21, 22 of weight 5.
        // Track 0: 11, 12 and 21: 2 of its 3 hits from particle 1, and 2 of particle 1's 3 hits.
        final ScoreTally tally = withGoodTrack()
            .particle(1, 1, 11).particle(1, 2, 12).particle(1, 3, 13)
            .particle(2, 5, 21, 22)
            .track(0, 11, 12, 21)
            .score(1);

        // Weight: 1 + 2 + 3 + 10 + 8 = 24; good: track 0's hits 11 and 12 (3, not hit 21's 5) and track 9 (8).
        assertEquals((3.0 + 8) / 24, tally.score(), EXACT, tally::toString);
    }

    @Test
    void shouldNotCountAPureTrackOfTooFewOfItsParticlesHits()
    {
        // Particle 1: 5 hits of weight 1 split over two pure tracks: 2 on track 0, 3 on track 1. Without the
        // particle-side condition both would be good and the event would score 1.
        final ScoreTally tally = withGoodTrack()
            .particle(1, 1, 11, 12, 13, 14, 15)
            .track(0, 11, 12)
            .track(1, 13, 14, 15)
            .score(1);

        // Weight: 5 + 8 = 13; good: track 1 (3) and track 9 (8).
        assertEquals((3.0 + 8) / 13, tally.score(), EXACT, tally::toString);
        assertEquals(1.0 / 3, tally.duplicateRate(), EXACT, "particle 1 is matched twice; " + tally);
    }

    @Test
    void shouldGiveAHitOnTwoTracksToTheLowerNumberedOne()
    {
        // Particle 1: 3 hits of weight 1. Hit 11 is on tracks 0 and 1, listed first for track 1: it belongs to
        // track 0 all the same, so track 1 keeps 12 and 13 (2 of 3: good) and track 0 only 11 (1 of 3: not).
        final ScoreTally tally = withGoodTrack()
            .particle(1, 1, 11, 12, 13)
            .track(1, 11, 12, 13)
            .track(0, 11)
            .score(1);

        // Weight: 3 + 8 = 11; good: track 1's hits 12 and 13 (2) and track 9 (8).
        assertEquals((2.0 + 8) / 11, tally.score(), EXACT, tally::toString);
    }
}
