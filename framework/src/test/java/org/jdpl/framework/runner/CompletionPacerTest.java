package org.jdpl.framework.runner;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pacing law on a clock the test turns: measured rate, spacing of releases, correction by the in-flight count. */
class CompletionPacerTest
{
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    @Test
    void shouldReleaseFreelyUntilTheSinksHaveARate()
    {
        final CompletionPacer pacer = new CompletionPacer(8);
        assertTrue(pacer.mayRelease(0, 3, 0));
        pacer.released(0, 4);
        assertTrue(pacer.mayRelease(MS, 4, 0), "no completion yet: only the limit holds the source");
        assertEquals(0, pacer.completionsPerSecond());
    }

    @Test
    void shouldPaceAtTheMeasuredRateNearTheSetpoint()
    {
        final CompletionPacer pacer = new CompletionPacer(8);
        final long t0 = 1_000 * MS;
        pacer.mayRelease(t0, 4, 10); // the first completions open the first window
        assertTrue(pacer.mayRelease(t0 + 40 * MS, 4, 30), "20 done in 40 ms");
        assertEquals(500, pacer.completionsPerSecond(), 1e-6);

        // at the setpoint (half the limit), one release every 1 / (500/s * 1.05) = 1.905 ms
        final long at = t0 + 40 * MS;
        pacer.released(at, 4);
        assertTrue(pacer.mayRelease(at, 4, 30), "the first paced release sets the schedule; it may go at once");
        pacer.released(at, 4);
        assertFalse(pacer.mayRelease(at + MS, 4, 30));
        assertTrue(pacer.mayRelease(at + 2 * MS, 4, 30));
        pacer.released(at + 2 * MS, 4);
        assertFalse(pacer.mayRelease(at + 3 * MS, 4, 30), "the schedule goes on from the slot, not from the late release");
        assertTrue(pacer.mayRelease(at + 4 * MS, 4, 30));
    }

    @Test
    void shouldSpeedUpBelowTheSetpointAndSlowDownAbove()
    {
        final long below = interval(2);
        final long at = interval(4);
        final long above = interval(7);
        assertTrue(below < at && at < above, below + " < " + at + " < " + above);
    }

    @Test
    void shouldReleaseAtOnceWhenNothingIsInFlight()
    {
        final CompletionPacer pacer = measured();
        pacer.released(2_000 * MS, 7);
        pacer.released(2_000 * MS, 7);
        assertFalse(pacer.mayRelease(2_000 * MS + 1, 3, 30));
        assertTrue(pacer.mayRelease(2_000 * MS + 1, 0, 30), "an empty chain is starving: nothing to pace against");
    }

    @Test
    void shouldNotLowerTheRateFromAWindowInWhichTheChainRanDry()
    {
        final CompletionPacer pacer = measured(); // 500/s
        final long t = 1_040 * MS;
        pacer.mayRelease(t + 10 * MS, 0, 31);
        pacer.mayRelease(t + 40 * MS, 0, 32); // 2 in 40 ms while starved: our own pacing, not the chain
        assertEquals(500, pacer.completionsPerSecond(), 1e-6);
        pacer.mayRelease(t + 80 * MS, 4, 34); // 2 in 40 ms with work queued: the chain did slow down
        assertTrue(pacer.completionsPerSecond() < 500, "lowered: " + pacer.completionsPerSecond());
    }

    /** How long after a release the next may go, with {@code inFlight} in flight, at 500/s measured. */
    private static long interval(final long inFlight)
    {
        final CompletionPacer pacer = measured();
        final long at = 2_000 * MS;
        pacer.released(at, inFlight);
        pacer.released(at, inFlight);
        long t = at;
        while (!pacer.mayRelease(t, inFlight, 30))
        {
            t += 10_000;
        }
        return t - at;
    }

    private static CompletionPacer measured()
    {
        final CompletionPacer pacer = new CompletionPacer(8);
        pacer.mayRelease(1_000 * MS, 4, 10);
        pacer.mayRelease(1_040 * MS, 4, 30);
        return pacer;
    }
}
