/** Event simulation on the parametric TrackML detector: particles, helix propagation in a solenoid, scattering, cells, noise. */
package org.jdpl.devices.reco.sim;
