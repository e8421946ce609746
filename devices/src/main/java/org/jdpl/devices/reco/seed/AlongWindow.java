package org.jdpl.devices.reco.seed;

import org.jdpl.devices.reco.event.EventSpacepoints;

/**
 * Where along a partner layer (z in a barrel, r in a disk) a doublet partner of a middle spacepoint can lie: on
 * a line from the collision region through the middle. {@link #barrel} or {@link #disk} sets [{@link #from},
 * {@link #to}], with slack: the exact cuts decide, the window must only not lose.
 */
final class AlongWindow
{
    private static final double SLACK_MM = 0.01;

    double from;
    double to;

    /**
     * The z window of a partner in a barrel layer at radii [lo, hi]: on a line from (0, z0), |z0| <= z0-max, through
     * the middle, and within cot-theta-max of it. False if empty.
     */
    boolean barrel(final EventSpacepoints sp, final int m, final double lo, final double hi, final SeedConfig config)
    {
        final double rm = sp.r[m];
        final double zm = sp.z[m];
        // z at radius r on such a line is bilinear in (z0, r): its range is at the corners.
        final double z0 = config.z0Max();
        final double lowA = z(-z0, zm, rm, lo);
        final double lowB = z(z0, zm, rm, lo);
        final double highA = z(-z0, zm, rm, hi);
        final double highB = z(z0, zm, rm, hi);
        final double slope = config.cotThetaMax() * Math.max(Math.abs(rm - lo), Math.abs(hi - rm));
        from = Math.max(Math.min(Math.min(lowA, lowB), Math.min(highA, highB)), zm - slope) - SLACK_MM;
        to = Math.min(Math.max(Math.max(lowA, lowB), Math.max(highA, highB)), zm + slope) + SLACK_MM;
        return from <= to;
    }

    /**
     * The r window of a partner in a disk at z in [zLow, zHigh] and radii [lo, hi]: on the line from (0, z0) through
     * the middle, r = rm (z - z0) / (zm - z0). Where the middle lies beyond the collision region (|zm| > z0-max) that
     * is monotonic in z and z0, so its range is at the corners; else any radius can be reached. False if empty.
     */
    boolean disk(final EventSpacepoints sp, final int m, final double lo, final double hi, final double zLow, final double zHigh,
        final SeedConfig config)
    {
        final double z0 = config.z0Max();
        final double zm = sp.z[m];
        from = lo;
        to = hi;
        if (Math.abs(zm) > z0 + SLACK_MM)
        {
            final double rm = sp.r[m];
            final double a = rm * (zLow + z0) / (zm + z0);
            final double b = rm * (zLow - z0) / (zm - z0);
            final double c = rm * (zHigh + z0) / (zm + z0);
            final double d = rm * (zHigh - z0) / (zm - z0);
            from = Math.max(lo, Math.min(Math.min(a, b), Math.min(c, d)));
            to = Math.min(hi, Math.max(Math.max(a, b), Math.max(c, d)));
        }
        from -= SLACK_MM;
        to += SLACK_MM;
        return from <= to;
    }

    private static double z(final double z0, final double zm, final double rm, final double r)
    {
        return z0 + (zm - z0) * (r / rm);
    }
}
