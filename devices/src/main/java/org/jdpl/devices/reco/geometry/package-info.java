/**
 * Detector geometry: module identifiers, the module table (centre, rotation, size, pitch) used to
 * turn cell positions into global coordinates, and the built-in parametric model of the TrackML
 * detector used by the simulator.
 */
package org.jdpl.devices.reco.geometry;
