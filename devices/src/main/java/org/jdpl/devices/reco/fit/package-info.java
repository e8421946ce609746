/** Helix fitting in a solenoidal field: circle in the transverse plane, straight line in (s, z). */
package org.jdpl.devices.reco.fit;
