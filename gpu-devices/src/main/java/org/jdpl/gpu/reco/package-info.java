/**
 * GPU versions of the reconstruction chain's devices ({@code gpu-clusterizer}, {@code gpu-seeder}),
 * with the inputs, outputs and results of their CPU twins in {@code org.jdpl.devices.reco}, so they
 * drop into the chain in their place.
 */
package org.jdpl.gpu.reco;
