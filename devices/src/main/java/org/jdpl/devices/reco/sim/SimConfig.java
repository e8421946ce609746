package org.jdpl.devices.reco.sim;

/**
 * Settings of the event simulator.
 *
 * @param particlesPerEvent  charged particles generated per event
 * @param ptMin              lowest transverse momentum, GeV (pT falls as 1/pT^2 from here)
 * @param ptMax              highest transverse momentum, GeV
 * @param etaMax             particles are uniform in |eta| up to this
 * @param noiseFraction      noise hits added, as a fraction of the particles' hits
 * @param multipleScattering whether each crossed module deflects the particle
 * @param bFieldTesla        solenoid field along +z
 * @param seed               random seed; an event depends only on (seed, event id)
 */
public record SimConfig(int particlesPerEvent, double ptMin, double ptMax, double etaMax, double noiseFraction,
    boolean multipleScattering, double bFieldTesla, long seed)
{
    public static SimConfig defaults()
    {
        return new SimConfig(400, 0.4, 50, 3.0, 0.1, true, 2.0, 42);
    }
}
