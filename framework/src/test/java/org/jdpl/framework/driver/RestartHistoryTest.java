package org.jdpl.framework.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * restart.max restarts within any restart.window; older restarts stop counting once the window has slid
 * past them. Times are given, not read from a clock, so the window runs out without waiting.
 */
class RestartHistoryTest
{
    private static final long WINDOW_NS = 60_000_000_000L;

    @Test
    void shouldRefuseTheRestartPastMaxWithinTheWindow()
    {
        final RestartHistory history = new RestartHistory();

        assertTrue(history.tryRestart(0, 2, WINDOW_NS));
        assertTrue(history.tryRestart(1_000, 2, WINDOW_NS));
        assertFalse(history.tryRestart(WINDOW_NS, 2, WINDOW_NS), "the first restart is exactly one window old: it still counts");
        assertEquals(2, history.total(), "a refused restart is not counted");
    }

    @Test
    void shouldAllowRestartsAgainOnceTheWindowHasRunOut()
    {
        final RestartHistory history = new RestartHistory();
        assertTrue(history.tryRestart(0, 2, WINDOW_NS));
        assertTrue(history.tryRestart(10, 2, WINDOW_NS));

        assertTrue(history.tryRestart(WINDOW_NS + 1, 2, WINDOW_NS), "the restart at 0 has left the window");
        assertFalse(history.tryRestart(WINDOW_NS + 2, 2, WINDOW_NS), "the restarts at 10 and window+1 are both within it");
        assertTrue(history.tryRestart(WINDOW_NS + 11, 2, WINDOW_NS), "the restart at 10 has left the window");
        assertEquals(4, history.total());
    }

    @Test
    void shouldForgetEveryRestartAfterAQuietWindow()
    {
        final RestartHistory history = new RestartHistory();
        for (int i = 0; i < 3; i++)
        {
            assertTrue(history.tryRestart(i, 3, WINDOW_NS));
        }
        assertFalse(history.tryRestart(3, 3, WINDOW_NS));

        final long later = 5 * WINDOW_NS;
        for (int i = 0; i < 3; i++)
        {
            assertTrue(history.tryRestart(later + i, 3, WINDOW_NS), "restart " + i + " after a quiet window");
        }
        assertFalse(history.tryRestart(later + 3, 3, WINDOW_NS));
        assertEquals(6, history.total());
    }
}
