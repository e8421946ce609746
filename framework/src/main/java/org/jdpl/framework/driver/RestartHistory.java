package org.jdpl.framework.driver;

import java.util.ArrayDeque;

/** When one device replica was restarted, to apply {@code restart.max} within a sliding {@code restart.window}. */
final class RestartHistory
{
    private final ArrayDeque<Long> restartTimesNs = new ArrayDeque<>();
    private int total;

    /** Records a restart at {@code nowNs} if fewer than {@code max} happened within the window; false when not allowed. */
    boolean tryRestart(final long nowNs, final int max, final long windowNs)
    {
        while (!restartTimesNs.isEmpty() && nowNs - restartTimesNs.peekFirst() > windowNs)
        {
            restartTimesNs.pollFirst();
        }
        if (restartTimesNs.size() >= max)
        {
            return false;
        }
        restartTimesNs.addLast(nowNs);
        total++;
        return true;
    }

    int total()
    {
        return total;
    }
}
