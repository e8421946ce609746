/** Triplet seeding: doublets cut in r, z, phi, then triplets cut on curvature, impact parameter and slope agreement. */
package org.jdpl.devices.reco.seed;
