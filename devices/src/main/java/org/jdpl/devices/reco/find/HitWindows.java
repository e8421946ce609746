package org.jdpl.devices.reco.find;

/**
 * The track finder's per-detector windows, mm: how far across and along the track a hit of a volume
 * may lie from the helix, scaled by {@code f} (pass scale times window-scale) and widened by the
 * multiple-scattering window of the helix's momentum. The real field weakens towards the end-caps, so
 * outer disks sit further from any one helix.
 */
final class HitWindows
{
    private HitWindows()
    {
    }

    /** Across the track, in the transverse plane (distance to the circle). */
    static double across(final int volume, final boolean barrel, final double f, final double scattering)
    {
        final double base = volume <= 9 ? 0.5 : barrel ? (volume == 13 ? 2.0 : 4.0) : volume <= 14 ? 4.0 : 8.0;
        return f * (base + scattering);
    }

    /** Along the beam, for a barrel hit (z against the helix's z at the hit). */
    static double barrelAlong(final int volume, final double f, final double scattering)
    {
        return f * ((volume == 8 ? 1.0 : volume == 13 ? 2.5 : 10) + 2 * scattering);
    }

    /** Along the track in the transverse plane, for a disk hit (arc against the helix's angle at the hit's z). */
    static double diskAlong(final int volume, final double f, final double scattering)
    {
        return f * ((volume <= 9 ? 1.0 : volume <= 14 ? 4 : 15) + 2 * scattering);
    }
}
