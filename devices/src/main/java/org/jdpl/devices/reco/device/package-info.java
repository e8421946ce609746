/**
 * The reconstruction device types: thin adapters from the device API to the algorithm classes of
 * the sibling packages (trackml-reader, trackml-simulator, clusterizer, seeder, track-finder,
 * track-fitter, trackml-scorer, trackml-qc). Every payload is a checked table of {@link org.jdpl.devices.reco.event}.
 */
package org.jdpl.devices.reco.device;
