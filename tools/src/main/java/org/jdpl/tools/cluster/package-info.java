/**
 * Runs across hosts from the command line's side: {@link org.jdpl.tools.cluster.FakeCluster} drives
 * {@code scripts/fake-cluster} (fake hosts from network namespaces, with Slurm) for the benchmarks and
 * tests, and {@link org.jdpl.tools.cluster.SlurmAllocation} reads the nodes of the Slurm allocation
 * {@code dpl run --launcher slurm} runs in.
 */
package org.jdpl.tools.cluster;
