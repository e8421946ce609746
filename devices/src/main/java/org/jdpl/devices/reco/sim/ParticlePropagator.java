package org.jdpl.devices.reco.sim;

import java.util.List;
import java.util.SplittableRandom;

import org.jdpl.devices.reco.fit.Helix;
import org.jdpl.devices.reco.geometry.DetectorGeometry;
import org.jdpl.devices.reco.geometry.TrackmlDetectorModel;
import org.jdpl.devices.reco.geometry.TrackmlDetectorModel.Surface;

/**
 * Moves a charged particle through the detector model on a helix, in steps along the transverse arc,
 * finding where it crosses each layer, then the module there and the exact crossing of the module's
 * plane. Each crossing may scatter the particle (Highland formula on the module's thickness) and the
 * helix restarts from there. Only the first half turn is followed: loopers leave the inner hits only.
 */
final class ParticlePropagator
{
    /** Crossings reported to the caller: module index, crossing point and direction. */
    interface CrossingHandler
    {
        void onCrossing(int moduleIndex, double x, double y, double z, double dx, double dy, double dz);
    }

    private static final double STEP_MM = 4;
    private static final double R_OUT = 1100;
    private static final double Z_OUT = 3100;
    /** Radiation length of silicon plus its share of support and services, in module thicknesses. */
    private static final double X0_MM = 93.7 / 4;

    private final TrackmlDetectorModel model;
    private final DetectorGeometry geometry;
    private final List<Surface> surfaces;
    private final double bFieldTesla;
    private final boolean scattering;

    private double x0;
    private double y0;
    private double z0;
    private double psi0;
    private double t;
    private double radius;
    private int h;

    ParticlePropagator(final TrackmlDetectorModel model, final double bFieldTesla, final boolean scattering)
    {
        this.model = model;
        this.geometry = model.geometry();
        this.surfaces = model.surfaces();
        this.bFieldTesla = bFieldTesla;
        this.scattering = scattering;
    }

    /** Propagates a particle from vertex v with momentum p (GeV) and charge q. */
    void propagate(final double[] vertex, final double[] momentum, final int charge, final SplittableRandom random,
        final CrossingHandler handler)
    {
        double pt = Math.hypot(momentum[0], momentum[1]);
        start(vertex[0], vertex[1], vertex[2], Math.atan2(momentum[1], momentum[0]), momentum[2] / pt, pt, charge);
        double turned = 0;
        double s = 0;
        double px = x0;
        double py = y0;
        double pz = z0;
        int lastSurface = -1;
        while (true)
        {
            final double sNext = s + STEP_MM;
            final double nx = x(sNext);
            final double ny = y(sNext);
            final double nz = z(sNext);
            final double rPrev = Math.hypot(px, py);
            final double rNext = Math.hypot(nx, ny);
            int hitSurface = -1;
            double sHit = Double.MAX_VALUE;
            for (int k = 0; k < surfaces.size(); k++)
            {
                if (k == lastSurface)
                {
                    continue;
                }
                final Surface surface = surfaces.get(k);
                final double a = surface.barrel() ? rPrev - surface.position() : pz - surface.position();
                final double b = surface.barrel() ? rNext - surface.position() : nz - surface.position();
                if (a * b <= 0 && a != 0)
                {
                    final double sc = bisect(surface, s, sNext);
                    if (sc < sHit)
                    {
                        sHit = sc;
                        hitSurface = k;
                    }
                }
            }
            lastSurface = -1;
            if (hitSurface >= 0)
            {
                lastSurface = hitSurface;
                final double[] moved = cross(surfaces.get(hitSurface), sHit, random, handler, pt, charge);
                if (moved != null)
                {
                    turned += sHit;
                    pt = moved[0];
                    s = 0;
                    px = x0;
                    py = y0;
                    pz = z0;
                    continue;
                }
                // No deflection: go on from the crossing, so a second surface within this step is not missed.
                s = sHit;
                px = x(s);
                py = y(s);
                pz = z(s);
                continue;
            }
            s = sNext;
            px = nx;
            py = ny;
            pz = nz;
            if (rNext > R_OUT || Math.abs(nz) > Z_OUT || turned + s > Math.PI * radius)
            {
                return;
            }
        }
    }

    /** Records the crossing of a surface at arc sc; with scattering, restarts the helix there and returns the new pT. */
    private double[] cross(final Surface surface, final double sc, final SplittableRandom random, final CrossingHandler handler,
        final double pt, final int charge)
    {
        final double cx = x(sc);
        final double cy = y(sc);
        final double cz = z(sc);
        final int module = model.findModule(surface, cx, cy, cz);
        double sPlane = sc;
        if (module >= 0)
        {
            sPlane = onPlane(module, sc);
            final double hx = x(sPlane);
            final double hy = y(sPlane);
            final double hz = z(sPlane);
            final double u = geometry.toLocal(module, 0, hx, hy, hz);
            final double v = geometry.toLocal(module, 1, hx, hy, hz);
            if (Math.abs(u) <= geometry.halfU(module) && Math.abs(v) <= geometry.halfV(module))
            {
                final double psi = psi0 + h * sPlane / radius;
                final double norm = Math.sqrt(1 + t * t);
                handler.onCrossing(module, hx, hy, hz, Math.cos(psi) / norm, Math.sin(psi) / norm, t / norm);
            }
        }
        if (!scattering || module < 0)
        {
            return null;
        }
        // Restart from the crossing with a deflected direction (two independent small angles).
        final double p = pt * Math.sqrt(1 + t * t);
        final double path = geometry.thickness(module) * Math.sqrt(1 + t * t) / X0_MM;
        final double theta0 = 0.0136 / p * Math.sqrt(path) * (1 + 0.038 * Math.log(path));
        final double psi = psi0 + h * sPlane / radius;
        final double theta = Math.atan2(1, t) + theta0 * random.nextGaussian() ;
        final double newPsi = psi + theta0 * random.nextGaussian() / Math.max(0.05, Math.sin(theta));
        final double newPt = p * Math.sin(theta);
        start(x(sPlane), y(sPlane), z(sPlane), newPsi, 1 / Math.tan(theta), Math.abs(newPt), charge);
        return new double[] {Math.abs(newPt)};
    }

    private double onPlane(final int module, final double sStart)
    {
        double s = sStart;
        for (int iteration = 0; iteration < 5; iteration++)
        {
            final double f = geometry.toLocal(module, 2, x(s), y(s), z(s));
            final double psi = psi0 + h * s / radius;
            final double norm = geometry.rotation(module, 0, 2) * Math.cos(psi) + geometry.rotation(module, 1, 2) * Math.sin(psi) +
                geometry.rotation(module, 2, 2) * t;
            if (Math.abs(norm) < 1e-9)
            {
                return sStart;
            }
            s -= f / norm;
        }
        return s;
    }

    private double bisect(final Surface surface, final double low, final double high)
    {
        double a = low;
        double b = high;
        final double fa = value(surface, a);
        for (int i = 0; i < 30; i++)
        {
            final double mid = 0.5 * (a + b);
            if ((value(surface, mid) > 0) == (fa > 0))
            {
                a = mid;
            }
            else
            {
                b = mid;
            }
        }
        return 0.5 * (a + b);
    }

    private double value(final Surface surface, final double s)
    {
        return surface.barrel() ? Math.hypot(x(s), y(s)) - surface.position() : z(s) - surface.position();
    }

    private void start(final double x, final double y, final double z, final double psi, final double slope, final double pt, final int charge)
    {
        x0 = x;
        y0 = y;
        z0 = z;
        psi0 = psi;
        t = slope;
        radius = pt / (Helix.PT_PER_TESLA_MM * bFieldTesla);
        h = charge > 0 ? -1 : 1;
    }

    private double x(final double s)
    {
        return x0 + radius / h * (Math.sin(psi0 + h * s / radius) - Math.sin(psi0));
    }

    private double y(final double s)
    {
        return y0 - radius / h * (Math.cos(psi0 + h * s / radius) - Math.cos(psi0));
    }

    private double z(final double s)
    {
        return z0 + t * s;
    }
}
