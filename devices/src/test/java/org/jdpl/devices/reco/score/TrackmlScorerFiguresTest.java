package org.jdpl.devices.reco.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The figures besides the score, on events written by hand: pT resolution, efficiency cuts, fakes, events without truth, reuse. */
class TrackmlScorerFiguresTest
{
    private static final double EXACT = 1e-6;

    @Test
    void shouldMeasureThePtResolutionOverGoodTracksOnly()
    {
        // Particle 1 (2 GeV) on good track 0 fitted at 2.5: +0.25; particle 3 (4 GeV) on good track 9 fitted at 3: -0.25.
        // Track 5 holds 1 of particle 2's 4 hits: not good, so its absurd fit does not count.
        final ScoreTally tally = new HandEvent()
            .particle(1, 1, 11, 12, 13).particlePt(1, 2).track(0, 11, 12, 13).fittedPt(0, 2.5f)
            .particle(3, 1, 31, 32).particlePt(3, 4).track(9, 31, 32).fittedPt(9, 3)
            .particle(2, 1, 21, 22, 23, 24).track(5, 21).fittedPt(5, 100)
            .score(1);

        // Residuals +0.25 and -0.25: mean 0, standard deviation 0.25.
        assertEquals(0.25, tally.ptResolution(), EXACT, tally::toString);
        assertTrue(tally.toString().contains("pT resolution 0.2500"), tally::toString);
    }

    @Test
    void shouldCountForEfficiencyOnlyParticlesAboveThePtCutWithEnoughHits()
    {
        // Cuts: pT > 1 GeV, at least 3 hits. Particle 1 (3 hits) has a good track: found. Particle 2 is at exactly
        // 1 GeV: out, though found. Particle 4 (4 hits, no track): in, not found. Particle 5 (2 hits): out.
        final ScoreTally tally = new HandEvent()
            .particle(1, 1, 11, 12, 13).track(0, 11, 12, 13)
            .particle(2, 1, 21, 22, 23).particlePt(2, 1).track(1, 21, 22, 23)
            .particle(4, 1, 41, 42, 43, 44)
            .particle(5, 1, 51, 52)
            .score(3);

        assertEquals(0.5, tally.efficiency(), EXACT, tally::toString);
        assertTrue(tally.toString().contains("(1/2 particles"), tally::toString);
    }

    @Test
    void shouldCallATrackOfMostlyNoiseAFake()
    {
        // Noise hits (particle 0) have no particle to match: a track of 2 noise hits and 1 of particle 1 is a fake.
        final ScoreTally tally = new HandEvent()
            .particle(0, 0, 1, 2)
            .particle(1, 1, 11)
            .track(0, 1, 2, 11)
            .score(1);

        assertEquals(1.0, tally.fakeRate(), EXACT, tally::toString);
        assertEquals(0.0, tally.score(), EXACT, tally::toString);
        assertEquals(1, tally.tracks());
    }

    @Test
    void shouldNotScoreAnEventWithoutTruth()
    {
        final ScoreTally tally = new HandEvent().track(0, 11, 12).score(1);

        assertEquals(0, tally.events());
        assertEquals(1, tally.eventsWithoutTruth());
        assertEquals(0, tally.tracks());
        assertEquals("no truth: nothing scored (1 event(s) without truth)", tally.toString());
    }

    @Test
    void shouldScoreEachEventAloneWhenOneScorerScoresSeveral()
    {
        // Event A: particle 1 has 4 hits, 3 on a good track. Event B: particle 1 has 2 hits, both on its track.
        // Nothing of A may carry over: B alone is one good, non-duplicate track holding all the weight.
        final HandEvent a = new HandEvent().particle(1, 1, 11, 12, 13, 14).track(0, 11, 12, 13);
        final HandEvent b = new HandEvent().particle(1, 2, 11, 12).track(0, 11, 12);
        final TrackmlScorer scorer = new TrackmlScorer(1.0, 1);
        final ScoreTally first = new ScoreTally();
        final ScoreTally second = new ScoreTally();

        a.scoreInto(scorer, first);
        b.scoreInto(scorer, second);

        assertEquals(3.0 / 4, first.score(), EXACT, first::toString);
        assertEquals(1.0, second.score(), EXACT, second::toString);
        assertEquals(0.0, second.duplicateRate(), EXACT, second::toString);
        assertEquals(1.0, second.efficiency(), EXACT, second::toString);

        // Summed, the score is the good weight over all weight: (3 + 4) / (4 + 4).
        final ScoreTally both = new ScoreTally();
        both.add(first);
        both.add(second);
        assertEquals(7.0 / 8, both.score(), EXACT, both::toString);
        assertEquals(2, both.events());
        assertEquals(2, both.tracks());
        assertEquals(1.0, both.efficiency(), EXACT, both::toString);
        both.reset();
        assertEquals(0, both.events());
        assertEquals(0.0, both.score(), EXACT);
    }
}
