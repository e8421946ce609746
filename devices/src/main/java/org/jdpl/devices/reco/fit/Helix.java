package org.jdpl.devices.reco.fit;

/**
 * A helix in a field along z, as fitted: circle centre ({@code xc, yc}), radius, sense of rotation
 * {@code h} (+1 anticlockwise as the particle moves outward), the angle {@code alpha0} of the point of
 * closest approach to the beam line seen from the centre, and the line {@code z = z0 + t s} in the
 * transverse arc length s measured from that point. Mutable and reused.
 */
public final class Helix
{
    /** pT [GeV] = K * B [T] * R [mm]. */
    public static final double PT_PER_TESLA_MM = 0.299792458e-3;

    public double xc;
    public double yc;
    public double radius;
    public int h = 1;
    public double alpha0;
    public double z0;
    public double t;

    /** Arc length of the point of the circle at angle {@code alpha} (seen from the centre), in (-pi R, pi R]. */
    public double arcLength(final double alpha)
    {
        return h * radius * wrap(alpha - alpha0);
    }

    /** Signed transverse impact parameter: positive when the beam line is outside the circle. */
    public double d0()
    {
        return length(xc, yc) - radius;
    }

    public double pt(final double bFieldTesla)
    {
        return PT_PER_TESLA_MM * bFieldTesla * radius;
    }

    /** Direction of flight at the perigee. */
    public double phi0()
    {
        return alpha0 + h * Math.PI / 2;
    }

    /** The particle's charge sign for a field along +z: positive charges turn clockwise. */
    public int charge()
    {
        return -h;
    }

    public double x(final double s)
    {
        return xc + radius * Math.cos(alpha0 + h * s / radius);
    }

    public double y(final double s)
    {
        return yc + radius * Math.sin(alpha0 + h * s / radius);
    }

    public double z(final double s)
    {
        return z0 + t * s;
    }

    /**
     * The smallest positive arc length where the helix crosses the cylinder of radius {@code r}, or NaN.
     */
    public double crossCylinder(final double r)
    {
        final double c = length(xc, yc);
        if (c < 1e-9)
        {
            return Double.NaN;
        }
        final double k = (r * r - c * c - radius * radius) / (2 * radius * c);
        if (k < -1 || k > 1)
        {
            return Double.NaN;
        }
        final double beta = Math.atan2(yc, xc);
        final double delta = Math.acos(k);
        final double s1 = positiveArc(beta + delta);
        final double s2 = positiveArc(beta - delta);
        return Math.min(s1, s2);
    }

    /** Arc length where the helix reaches plane z, or NaN when it does not within one turn. */
    public double crossPlane(final double z)
    {
        if (Math.abs(t) < 1e-9)
        {
            return Double.NaN;
        }
        final double s = (z - z0) / t;
        return s > 0 && s < 2 * Math.PI * radius ? s : Double.NaN;
    }

    private double positiveArc(final double alpha)
    {
        double d = h * (alpha - alpha0);
        d = d - 2 * Math.PI * Math.floor(d / (2 * Math.PI));
        return d * radius;
    }

    /** sqrt(x^2 + y^2): Math.hypot guards against an overflow lengths in mm never meet, at several times the cost. */
    public static double length(final double x, final double y)
    {
        return Math.sqrt(x * x + y * y);
    }

    public static double wrap(final double angle)
    {
        double a = angle;
        while (a > Math.PI)
        {
            a -= 2 * Math.PI;
        }
        while (a <= -Math.PI)
        {
            a += 2 * Math.PI;
        }
        return a;
    }
}
