package org.jdpl.devices.reco.find;

import org.jdpl.devices.reco.fit.Helix;

/**
 * The phi range the track finder scans in one layer, unwrapped around the prediction: the wide window
 * first, then narrowed to where a hit can lie and still pass the finder's across and along windows.
 * Narrowing only skips hits that cannot pass, so the hits found are exactly those of the wide window
 * ({@code TrackFinderTest}); where a bound does not hold simply, the window stays as it is.
 */
final class ScanWindow
{
    private double low;
    private double high;

    double low()
    {
        return low;
    }

    double high()
    {
        return high;
    }

    /** The wide window: {@code halfWidth} on each side of the prediction. */
    void widest(final double phiPred, final double halfWidth)
    {
        low = phiPred - halfWidth;
        high = phiPred + halfWidth;
    }

    /**
     * Narrows to the phi a hit of a barrel layer, its hits' radii within [radiusMin, radiusMax], can have
     * and still pass the across window {@code w}: such a hit lies within w of a point P of the track's
     * circle whose radius is within w of the layer's hit radii. On the branch of the circle the prediction
     * lies on, P's phi is phiC + acos(g(rho)) with g(rho) = (rho^2 + c^2 - R^2) / (2 rho c), so its extremes
     * lie at the ends of the radius band or where g turns (rho^2 = c^2 - R^2); the hit's phi is within
     * asin(w / rho) of P's. The other branch (the circle's way back to the same radii) lies at arc lengths
     * below -5 mm, which the finder rejects. Where the band reaches the circle's nearest or farthest point,
     * or the way back could come within 5 mm, the window stays as it is.
     */
    void narrowToBarrelCrossing(final Helix helix, final double radiusMin, final double radiusMax, final double phiPred, final double w)
    {
        final double c = Helix.length(helix.xc, helix.yc);
        final double rho0 = radiusMin - w;
        final double rho1 = radiusMax + w;
        if (c < 1e-6 || rho0 - Math.abs(helix.d0()) <= 5 + w + 1)
        {
            return;
        }
        final double k = c * c - helix.radius * helix.radius;
        final double g0 = bandCosine(rho0, c, k);
        final double g1 = bandCosine(rho1, c, k);
        double gLow = Math.min(g0, g1);
        double gHigh = Math.max(g0, g1);
        if (k > rho0 * rho0 && k < rho1 * rho1)
        {
            final double turn = bandCosine(Math.sqrt(k), c, k);
            gLow = Math.min(gLow, turn);
            gHigh = Math.max(gHigh, turn);
        }
        if (gLow <= -1 + 1e-9 || gHigh >= 1 - 1e-9)
        {
            return;
        }
        final double phiC = Math.atan2(helix.yc, helix.xc);
        final double side = Helix.wrap(phiPred - phiC);
        if (Math.abs(side) < 1e-3 || Math.abs(side) > Math.PI - 1e-3)
        {
            return;
        }
        final double branch = Math.signum(side);
        final double near = Helix.wrap(phiC + branch * Math.acos(gHigh) - phiPred);
        final double far = Helix.wrap(phiC + branch * Math.acos(gLow) - phiPred);
        final double spread = Math.asin(Math.min(1, w / rho0)) + 1e-9;
        low = Math.max(low, phiPred + Math.min(near, far) - spread);
        high = Math.min(high, phiPred + Math.max(near, far) + spread);
    }

    /**
     * Narrows to the phi a hit of a disk can have and still pass the across window {@code w} and the along
     * window {@code along}. Such a hit is within w of the circle's point at an angle within along / R of
     * the angle predicted at the hit's own z, and that z is within {@code dz} of the disk's, |dz| / |t| of
     * arc from the predicted crossing. So it lies within D = dz / |t| + along + w of the predicted point
     * (a chord is shorter than its arc), and its phi within asin(D / r) of the prediction's.
     */
    void narrowToDiskCrossing(final Helix helix, final double dz, final double phiPred, final double rPred, final double w,
        final double along)
    {
        final double reach = dz / Math.abs(helix.t) + along + w + 1e-6;
        if (reach >= 0.99 * rPred)
        {
            return;
        }
        final double spread = Math.asin(reach / rPred) + 1e-9;
        low = Math.max(low, phiPred - spread);
        high = Math.min(high, phiPred + spread);
    }

    /** cos of the angle at the origin between the circle's centre and its point at radius rho: (rho^2 + k) / (2 rho c). */
    private static double bandCosine(final double rho, final double c, final double k)
    {
        return (rho * rho + k) / (2 * rho * c);
    }
}
