/**
 * Runs that span hosts: {@link org.jdpl.framework.cluster.HostAgentMain}, one per host, is a Driver
 * for the replicas placed on its host; {@link org.jdpl.framework.cluster.ClusterRun}, on the
 * launching host, starts the agents through a {@link org.jdpl.framework.cluster.HostLauncher}
 * (local processes, {@code ip netns exec}, {@code srun}), watches them and applies the failure
 * policy across hosts: an agent that dies is a crash of its devices, and the run ends.
 */
package org.jdpl.framework.cluster;
