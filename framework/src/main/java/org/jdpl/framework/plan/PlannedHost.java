package org.jdpl.framework.plan;

/**
 * One host of a multi-host plan ({@code hosts { node1 { address = "10.0.0.1" } }}).
 *
 * @param name    the host's name in the topology, the name its host agent is started with
 * @param address where other hosts reach it over UDP: an IP address or a resolvable host name
 *                (defaults to the name, as with Slurm node names)
 */
public record PlannedHost(String name, String address)
{
}
