package org.jdpl.devices.reco.fit;

import org.jdpl.devices.reco.event.EventSpacepoints;
import org.jdpl.devices.reco.event.Table;
import org.jdpl.devices.reco.event.TrackHits;
import org.jdpl.devices.reco.event.Tracks;

/**
 * Fits each track of an event with a helix and reports perigee parameters with uncertainties. The
 * pT, phi and d0 uncertainties use the Gluckstern formulas for N equally spaced measurements of the
 * transverse resolution over the track's radial lever arm, plus a multiple-scattering term for pT;
 * z0 and eta come from the line fit's covariance scaled by the observed scatter.
 */
public final class TrackFitter
{
    private static final double SIGMA_TRANSVERSE = 0.05;
    private static final double SCATTERING_TERM = 0.01;

    private final double bFieldTesla;
    private final double uniformFieldHalfLengthMm;
    private final HelixFitter fitter = new HelixFitter();
    private final Helix helix = new Helix();
    private final double[] values = new double[Tracks.CHI2_NDF - Tracks.PT + 1];
    private int[] hits = new int[64];
    private int[] centralHits = new int[64];

    /**
     * @param uniformFieldHalfLengthMm the curvature is measured from the hits within this |z| when at least four
     *                                 are (the TrackML field weakens towards the end-caps; about 1200 mm)
     */
    public TrackFitter(final double bFieldTesla, final double uniformFieldHalfLengthMm)
    {
        this.bFieldTesla = bFieldTesla;
        this.uniformFieldHalfLengthMm = uniformFieldHalfLengthMm;
    }

    /** Fits the tracks of event {@code event} of {@code trackHits} (rows grouped by track) into {@code out}. */
    public void fitEvent(final EventSpacepoints sp, final Table trackHits, final int event, final TrackParameterBuffer out)
    {
        final int end = trackHits.eventEnd(event);
        int row = trackHits.eventStart(event);
        while (row < end)
        {
            final int track = trackHits.getInt(TrackHits.TRACK, row);
            int n = 0;
            while (row < end && trackHits.getInt(TrackHits.TRACK, row) == track)
            {
                if (n == hits.length)
                {
                    hits = java.util.Arrays.copyOf(hits, 2 * n);
                    centralHits = new int[2 * n];
                }
                hits[n++] = trackHits.getInt(TrackHits.SPACEPOINT, row) - sp.firstRow;
                row++;
            }
            fitTrack(sp, track, n, out);
        }
    }

    /** Fits one track of hits[0..n) (event indices); returns false when no helix fits. */
    public boolean fitTrack(final EventSpacepoints sp, final int track, final int n, final TrackParameterBuffer out)
    {
        // The field weakens towards the end-caps: measure the curvature where it is close to nominal when enough hits are there.
        int central = 0;
        for (int k = 0; k < n; k++)
        {
            if (Math.abs(sp.z[hits[k]]) < uniformFieldHalfLengthMm)
            {
                centralHits[central++] = hits[k];
            }
        }
        final boolean useCentral = central >= 4 && central < n;
        if (!fitter.fit(sp, useCentral ? centralHits : hits, useCentral ? central : n, 0, helix))
        {
            return false;
        }
        double rMin = Double.MAX_VALUE;
        double rMax = 0;
        for (int k = 0; k < n; k++)
        {
            rMin = Math.min(rMin, sp.r[hits[k]]);
            rMax = Math.max(rMax, sp.r[hits[k]]);
        }
        final double lever = Math.max(rMax - rMin, 10) / 1000;
        final double pt = helix.pt(bFieldTesla);
        final double theta = Math.atan2(1, helix.t);
        final double chi2Ndf = fitter.chi2() / fitter.ndf();
        final double scatter = Math.max(1, Math.sqrt(chi2Ndf));
        final double sigmaK = SIGMA_TRANSVERSE / 1000 / (Helix.PT_PER_TESLA_MM * 1000 * bFieldTesla * lever * lever) * Math.sqrt(720.0 / (n + 4));
        values[0] = pt;
        values[1] = -Math.log(Math.tan(theta / 2));
        values[2] = Helix.wrap(helix.phi0());
        values[3] = helix.d0();
        values[4] = helix.z0;
        values[5] = pt * Math.hypot(sigmaK * pt, SCATTERING_TERM);
        values[6] = scatter * Math.sqrt(fitter.varianceT()) / Math.sqrt(1 + helix.t * helix.t);
        values[7] = SIGMA_TRANSVERSE / 1000 / lever * Math.sqrt(12.0 * (2 * n - 1) / (n * (n + 1.0)));
        values[8] = SIGMA_TRANSVERSE * Math.sqrt(4.0 * (2 * n - 1) / (n * (n + 1.0))) * (1 + rMin / (rMax - rMin + 1));
        values[9] = scatter * Math.sqrt(fitter.varianceZ0());
        values[10] = chi2Ndf;
        out.add(track, n, helix.charge(), values);
        return true;
    }

    /** The buffer fitTrack reads hit indices from, at least {@code n} long. */
    public int[] hitBuffer(final int n)
    {
        if (hits.length < n)
        {
            hits = new int[2 * n];
        }
        return hits;
    }
}
