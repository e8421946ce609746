/**
 * Triplet seeding on a GPU: the timeframe's seeding spacepoints in the kernels' layout
 * ({@link org.jdpl.gpu.seeds.SeedSlots}), the triplet candidate kernels, and the search that runs
 * them within the memory pool ({@link org.jdpl.gpu.seeds.GpuTripletSearch}).
 */
package org.jdpl.gpu.seeds;
