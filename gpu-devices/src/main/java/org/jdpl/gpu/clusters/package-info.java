/**
 * Clusterization on a GPU: connected-component labelling of the cells of each module and the
 * clusters' charge-weighted centroids ({@link org.jdpl.gpu.clusters.GpuClusterizer}), with a
 * plain Java reference ({@link org.jdpl.gpu.clusters.ReferenceClusterer}) it must agree with, over
 * a simple cell layout ({@link org.jdpl.gpu.clusters.CellTable}) until the reconstruction chain's
 * event model lands.
 */
package org.jdpl.gpu.clusters;
