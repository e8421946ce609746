package org.jdpl.devices.reco.sim;

import java.util.SplittableRandom;

import org.jdpl.devices.reco.event.SourceEvent;
import org.jdpl.devices.reco.geometry.DetectorGeometry;
import org.jdpl.devices.reco.geometry.TrackmlDetectorModel;

/**
 * Simulates events on the built-in TrackML detector model: particles from a beam spot (sigma 15 um
 * across, 55 mm along z), pT falling as 1/pT^2, uniform in eta and phi, charge +-1; each is
 * propagated ({@link ParticlePropagator}) and every module crossing becomes a hit whose charge is
 * shared among the cells the particle's path through the silicon passes (10 samples along the
 * path, 10% fluctuation). Noise hits fire one or two cells of a random module. Truth weights follow
 * the TrackML idea: noise and particles with fewer than 4 hits weigh 0, others 1 above 1 GeV, 0.2
 * below 0.5 GeV, linear in between, shared equally by the particle's hits; normalised per event.
 * An event depends only on the seed and its event id.
 */
public final class EventSimulator
{
    private static final int SAMPLES = 10;

    private final SimConfig config;
    private final TrackmlDetectorModel model = TrackmlDetectorModel.instance();
    private final DetectorGeometry geometry = model.geometry();
    private final ParticlePropagator propagator;
    private final int[] cellCh0 = new int[SAMPLES];
    private final int[] cellCh1 = new int[SAMPLES];
    private final float[] cellCharge = new float[SAMPLES];

    public EventSimulator(final SimConfig config)
    {
        this.config = config;
        this.propagator = new ParticlePropagator(model, config.bFieldTesla(), config.multipleScattering());
    }

    public DetectorGeometry geometry()
    {
        return geometry;
    }

    public SourceEvent simulate(final long eventId)
    {
        final SplittableRandom random = new SplittableRandom(config.seed() * 0x9E3779B97F4A7C15L + eventId);
        final SourceEvent event = new SourceEvent(eventId);
        final double[] vertex = new double[3];
        final double[] momentum = new double[3];
        final double[] kinematics = new double[6];
        final long[] nextHit = {1};
        final int[] particleHitStart = new int[config.particlesPerEvent() + 1];
        for (int p = 0; p < config.particlesPerEvent(); p++)
        {
            vertex[0] = 0.015 * random.nextGaussian();
            vertex[1] = 0.015 * random.nextGaussian();
            vertex[2] = 55 * random.nextGaussian();
            final double u = random.nextDouble();
            final double pt = config.ptMin() / (1 - u * (1 - config.ptMin() / config.ptMax()));
            final double eta = (2 * random.nextDouble() - 1) * config.etaMax();
            final double phi = (2 * random.nextDouble() - 1) * Math.PI;
            final int charge = random.nextBoolean() ? 1 : -1;
            momentum[0] = pt * Math.cos(phi);
            momentum[1] = pt * Math.sin(phi);
            momentum[2] = pt * Math.sinh(eta);
            final long particleId = p + 1;
            final int firstTruth = event.truthCount;
            particleHitStart[p] = firstTruth;
            propagator.propagate(vertex, momentum, charge, random, (module, x, y, z, dx, dy, dz) ->
            {
                final long hit = nextHit[0]++;
                deposit(event, hit, module, x, y, z, dx, dy, dz, random);
                event.addTruth(hit, particleId, 0);
            });
            System.arraycopy(vertex, 0, kinematics, 0, 3);
            System.arraycopy(momentum, 0, kinematics, 3, 3);
            event.addParticle(particleId, kinematics, charge, event.truthCount - firstTruth);
        }
        particleHitStart[config.particlesPerEvent()] = event.truthCount;
        assignWeights(event, particleHitStart);
        addNoise(event, random, nextHit);
        return event;
    }

    private void assignWeights(final SourceEvent event, final int[] particleHitStart)
    {
        double total = 0;
        for (int p = 0; p < event.particleCount; p++)
        {
            final int hits = particleHitStart[p + 1] - particleHitStart[p];
            final double pt = Math.hypot(event.particleKinematics[6 * p + 3], event.particleKinematics[6 * p + 4]);
            final double weight = hits < 4 ? 0 : pt >= 1 ? 1 : pt <= 0.5 ? 0.2 : 0.2 + 0.8 * (pt - 0.5) / 0.5;
            for (int k = particleHitStart[p]; k < particleHitStart[p + 1]; k++)
            {
                event.truthWeight[k] = (float)(weight / hits);
                total += weight / hits;
            }
        }
        for (int k = 0; k < event.truthCount; k++)
        {
            event.truthWeight[k] = (float)(event.truthWeight[k] / total);
        }
    }

    private void addNoise(final SourceEvent event, final SplittableRandom random, final long[] nextHit)
    {
        final int noise = (int)Math.round(config.noiseFraction() * event.truthCount);
        for (int k = 0; k < noise; k++)
        {
            final int module = random.nextInt(geometry.size());
            final long hit = nextHit[0]++;
            final int ch0 = random.nextInt((int)(2 * geometry.halfU(module) / geometry.pitchU(module)));
            final int ch1 = random.nextInt((int)(2 * geometry.halfV(module) / geometry.pitchV(module)));
            event.addCell(hit, geometry.moduleId(module), ch0, ch1, (float)(0.05 + 0.1 * random.nextDouble()));
            if (random.nextBoolean())
            {
                event.addCell(hit, geometry.moduleId(module), ch0 + 1, ch1, (float)(0.05 * random.nextDouble()));
            }
            event.addTruth(hit, 0, 0);
        }
    }

    /** Shares the hit's charge among the cells its path through the module's thickness passes. */
    private void deposit(final SourceEvent event, final long hit, final int module, final double x, final double y, final double z,
        final double dx, final double dy, final double dz, final SplittableRandom random)
    {
        final double u = geometry.toLocal(module, 0, x, y, z);
        final double v = geometry.toLocal(module, 1, x, y, z);
        double du = 0;
        double dv = 0;
        double dw = 0;
        for (int axis = 0; axis < 3; axis++)
        {
            final double d = axis == 0 ? dx : axis == 1 ? dy : dz;
            du += geometry.rotation(module, axis, 0) * d;
            dv += geometry.rotation(module, axis, 1) * d;
            dw += geometry.rotation(module, axis, 2) * d;
        }
        final double thickness = geometry.thickness(module);
        final double w = Math.max(Math.abs(dw), 0.02) * Math.signum(dw == 0 ? 1 : dw);
        // Clip the path so grazing tracks do not spread over the whole module.
        final double spanU = Math.max(-20 * geometry.pitchU(module), Math.min(20 * geometry.pitchU(module), du / w * thickness));
        final double spanV = Math.max(-20 * geometry.pitchV(module), Math.min(20 * geometry.pitchV(module), dv / w * thickness));
        final double pathCharge = thickness / Math.abs(w) / SAMPLES;
        final int maxU = (int)(2 * geometry.halfU(module) / geometry.pitchU(module)) - 1;
        final int maxV = (int)(2 * geometry.halfV(module) / geometry.pitchV(module)) - 1;
        int cells = 0;
        for (int k = 0; k < SAMPLES; k++)
        {
            final double f = (k + 0.5) / SAMPLES - 0.5;
            final int ch0 = clamp((int)Math.floor((u + f * spanU + geometry.halfU(module)) / geometry.pitchU(module)), maxU);
            final int ch1 = clamp((int)Math.floor((v + f * spanV + geometry.halfV(module)) / geometry.pitchV(module)), maxV);
            final float charge = (float)(pathCharge * (1 + 0.1 * random.nextGaussian()));
            int at = 0;
            while (at < cells && (cellCh0[at] != ch0 || cellCh1[at] != ch1))
            {
                at++;
            }
            if (at == cells)
            {
                cellCh0[at] = ch0;
                cellCh1[at] = ch1;
                cellCharge[at] = 0;
                cells++;
            }
            cellCharge[at] += Math.max(charge, 0.001f);
        }
        for (int k = 0; k < cells; k++)
        {
            event.addCell(hit, geometry.moduleId(module), cellCh0[k], cellCh1[k], cellCharge[k]);
        }
    }

    private static int clamp(final int value, final int max)
    {
        return Math.max(0, Math.min(max, value));
    }
}
