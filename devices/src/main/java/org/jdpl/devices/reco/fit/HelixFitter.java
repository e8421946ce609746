package org.jdpl.devices.reco.fit;

import org.jdpl.devices.reco.event.EventSpacepoints;

/**
 * Least-squares helix fit to a set of spacepoints: an algebraic (Kasa) circle fit in x-y, optionally
 * pulled towards the beam line by a pseudo-measurement at the origin, then a weighted straight-line
 * fit of z against arc length, where a barrel hit weighs by its z resolution and a disk hit by its
 * radial resolution times the slope. Allocation-free; one instance per thread.
 */
public final class HelixFitter
{
    private double chi2;
    private int ndf;
    private double lineCovZ0;
    private double lineCovT;

    /**
     * Fits hits {@code hits[0..n)} of {@code sp}; {@code originWeight} is the weight of the beam-line point
     * relative to one hit (0 for none). Returns false when the points do not define a circle.
     */
    public boolean fit(final EventSpacepoints sp, final int[] hits, final int n, final double originWeight, final Helix out)
    {
        if (n < 3 && !(n == 2 && originWeight > 0))
        {
            return false;
        }
        if (!fitCircle(sp, hits, n, originWeight, out))
        {
            return false;
        }
        orient(sp, hits, n, out);
        fitLine(sp, hits, n, out, Double.NaN);
        fitLine(sp, hits, n, out, out.t);
        computeChi2(sp, hits, n, out);
        return Double.isFinite(out.t) && Double.isFinite(out.z0);
    }

    public double chi2()
    {
        return chi2;
    }

    public int ndf()
    {
        return ndf;
    }

    /** Variance of z0 from the line fit (with the observed scatter). */
    public double varianceZ0()
    {
        return lineCovZ0;
    }

    /** Variance of the slope t = cot(theta) from the line fit. */
    public double varianceT()
    {
        return lineCovT;
    }

    /** Resolution across the track in the transverse plane, mm. */
    public static double sigmaTransverse(final int volume)
    {
        return volume <= 9 ? 0.03 : 0.06;
    }

    /** Resolution of a barrel hit along z, mm (strips: length / sqrt 12). */
    public static double sigmaZ(final int volume)
    {
        return volume <= 9 ? 0.05 : volume <= 14 ? 0.35 : 3.1;
    }

    /** Resolution of a disk hit along r, mm. */
    public static double sigmaR(final int volume)
    {
        return volume <= 9 ? 0.05 : volume <= 14 ? 0.35 : 3.0;
    }

    /**
     * Weight of a hit in the circle fit, relative to a pixel hit: disk strips measure r coarsely (their
     * strips run radially), which leaks into the transverse position when the track is not radial.
     */
    static double circleWeight(final EventSpacepoints sp, final int i)
    {
        final int volume = sp.volume(i);
        if (volume <= 9)
        {
            return 1;
        }
        if (sp.isBarrel(i))
        {
            return volume == 13 ? 0.7 : 0.4;
        }
        return volume <= 14 ? 0.2 : 0.02;
    }

    private static boolean fitCircle(final EventSpacepoints sp, final int[] hits, final int n, final double originWeight, final Helix out)
    {
        double sw = originWeight;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        double sq = 0;
        double sqx = 0;
        double sqy = 0;
        for (int k = 0; k < n; k++)
        {
            final int i = hits[k];
            final double x = sp.x[i];
            final double y = sp.y[i];
            final double q = x * x + y * y;
            final double w = circleWeight(sp, i);
            sw += w;
            sx += w * x;
            sy += w * y;
            sxx += w * x * x;
            sxy += w * x * y;
            syy += w * y * y;
            sq += w * q;
            sqx += w * q * x;
            sqy += w * q * y;
        }
        // Normal equations of min sum (q + D x + E y + F)^2 for (D, E, F).
        final double a11 = sxx;
        final double a12 = sxy;
        final double a13 = sx;
        final double a22 = syy;
        final double a23 = sy;
        final double a33 = sw;
        final double b1 = -sqx;
        final double b2 = -sqy;
        final double b3 = -sq;
        final double det = a11 * (a22 * a33 - a23 * a23) - a12 * (a12 * a33 - a23 * a13) + a13 * (a12 * a23 - a22 * a13);
        if (Math.abs(det) < 1e-12 * Math.max(1, Math.abs(a11 * a22 * a33)))
        {
            return false;
        }
        final double d = (b1 * (a22 * a33 - a23 * a23) - a12 * (b2 * a33 - a23 * b3) + a13 * (b2 * a23 - a22 * b3)) / det;
        final double e = (a11 * (b2 * a33 - b3 * a23) - b1 * (a12 * a33 - a23 * a13) + a13 * (a12 * b3 - b2 * a13)) / det;
        final double f = (a11 * (a22 * b3 - a23 * b2) - a12 * (a12 * b3 - b2 * a13) + b1 * (a12 * a23 - a22 * a13)) / det;
        out.xc = -d / 2;
        out.yc = -e / 2;
        final double r2 = out.xc * out.xc + out.yc * out.yc - f;
        if (!(r2 > 0))
        {
            return false;
        }
        out.radius = Math.sqrt(r2);
        out.alpha0 = Math.atan2(-out.yc, -out.xc);
        return true;
    }

    private static void orient(final EventSpacepoints sp, final int[] hits, final int n, final Helix out)
    {
        int outer = hits[0];
        for (int k = 1; k < n; k++)
        {
            if (sp.r[hits[k]] > sp.r[outer])
            {
                outer = hits[k];
            }
        }
        final double alpha = Math.atan2(sp.y[outer] - out.yc, sp.x[outer] - out.xc);
        out.h = Helix.wrap(alpha - out.alpha0) >= 0 ? 1 : -1;
    }

    private void fitLine(final EventSpacepoints sp, final int[] hits, final int n, final Helix out, final double slope)
    {
        double sw = 0;
        double ss = 0;
        double sz = 0;
        double sss = 0;
        double ssz = 0;
        for (int k = 0; k < n; k++)
        {
            final int i = hits[k];
            final double s = out.arcLength(Math.atan2(sp.y[i] - out.yc, sp.x[i] - out.xc));
            final double sigma = sigmaAlongZ(sp, i, slope);
            final double w = 1 / (sigma * sigma);
            sw += w;
            ss += w * s;
            sz += w * sp.z[i];
            sss += w * s * s;
            ssz += w * s * sp.z[i];
        }
        final double det = sw * sss - ss * ss;
        if (Math.abs(det) < 1e-12)
        {
            out.t = Double.NaN;
            return;
        }
        out.t = (sw * ssz - ss * sz) / det;
        out.z0 = (sss * sz - ss * ssz) / det;
        lineCovZ0 = sss / det;
        lineCovT = sw / det;
    }

    private static double sigmaAlongZ(final EventSpacepoints sp, final int i, final double slope)
    {
        final int volume = sp.volume(i);
        if (sp.isBarrel(i))
        {
            return sigmaZ(volume);
        }
        return Double.isNaN(slope) ? 1.0 : 0.05 + Math.abs(slope) * sigmaR(volume);
    }

    private void computeChi2(final EventSpacepoints sp, final int[] hits, final int n, final Helix out)
    {
        double sum = 0;
        for (int k = 0; k < n; k++)
        {
            final int i = hits[k];
            final double dx = sp.x[i] - out.xc;
            final double dy = sp.y[i] - out.yc;
            final double transverse = (Helix.length(dx, dy) - out.radius) / sigmaTransverse(sp.volume(i));
            final double s = out.arcLength(Math.atan2(dy, dx));
            final double along = (sp.z[i] - out.z(s)) / sigmaAlongZ(sp, i, out.t);
            sum += transverse * transverse + along * along;
        }
        chi2 = sum;
        ndf = Math.max(1, 2 * n - 5);
    }
}
