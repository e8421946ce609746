/** Clusterization: cells to connected components per module, charge-weighted local positions, global spacepoints. */
package org.jdpl.devices.reco.cluster;
