package org.jdpl.devices.reco.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Tallies summed over events (as the scorer's totals and a run's replicas are), and the figures of an empty one. */
class ScoreTallyTest
{
    private static final double EXACT = 1e-6;

    @Test
    void shouldAddEveryCountOfAnotherTallyAndKeepThePtResolutionOfTheWhole()
    {
        // Residuals +0.25 (2 GeV fitted at 2.5) and +0.75 (4 GeV fitted at 7), one per event: mean 0.5, standard deviation 0.25.
        final ScoreTally first = new HandEvent().particle(1, 1, 11, 12, 13).particlePt(1, 2).track(0, 11, 12, 13).fittedPt(0, 2.5f)
            .score(1);
        final ScoreTally second = new HandEvent().particle(3, 1, 31, 32).particlePt(3, 4).track(9, 31, 32).fittedPt(9, 7).score(1);
        final ScoreTally withoutTruth = new HandEvent().track(0, 11, 12).score(1);
        assertEquals(0, first.ptResolution(), "one fit has no spread");
        assertEquals(1, first.events(), "one event scored");
        assertEquals(1, first.eventsWithParticles());
        assertEquals(1, withoutTruth.eventsWithoutTruth());

        final ScoreTally total = new ScoreTally();
        total.add(first);
        total.add(second);
        total.add(withoutTruth);

        assertEquals(0.25, total.ptResolution(), EXACT, total::toString);
        assertEquals(2, total.events());
        assertEquals(1, total.eventsWithoutTruth());
        assertEquals(2, total.eventsWithParticles());
        assertEquals(2, total.tracks());
        assertEquals(1.0, total.score(), EXACT);
        assertTrue(total.toString().endsWith("2 tracks in 2 events (1 more without truth, not scored)"), total::toString);
    }

    @Test
    void shouldGiveZeroNotNaNForEveryFigureOfAnEmptyTally()
    {
        final ScoreTally empty = new ScoreTally();
        assertEquals(0.0, empty.score());
        assertEquals(0.0, empty.efficiency());
        assertEquals(0.0, empty.fakeRate());
        assertEquals(0.0, empty.duplicateRate());
        assertEquals(0.0, empty.ptResolution());
        assertEquals("no truth: nothing scored", empty.toString());
    }
}
