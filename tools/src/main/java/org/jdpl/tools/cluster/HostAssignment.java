package org.jdpl.tools.cluster;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jdpl.framework.plan.HostPlacement;
import org.jdpl.framework.plan.Plan;
import org.jdpl.framework.plan.PlannedHost;

/**
 * Puts a plan's hosts onto the nodes of a Slurm allocation: every host the topology declares must be
 * a node of the allocation (by name), and takes the address Slurm knows the node by.
 */
public final class HostAssignment
{
    private HostAssignment()
    {
    }

    /**
     * The plan with each host's address taken from the allocation.
     *
     * @throws IllegalStateException naming the hosts that are not nodes of the allocation
     */
    public static Plan onto(final Plan plan, final SlurmAllocation allocation)
    {
        final HostPlacement placement = plan.placement();
        if (!placement.spansHosts())
        {
            throw new IllegalStateException("the topology declares no hosts, so there is nothing to place on the nodes " +
                allocation.nodes() + " of Slurm job " + allocation.jobId() + ": add a 'hosts { " + String.join(" {} ", allocation.nodes()) +
                " {} }' block and place devices with 'host' / 'hosts', or run it without --launcher slurm");
        }
        final Map<String, String> addresses = new LinkedHashMap<>();
        final List<String> missing = new java.util.ArrayList<>();
        for (final PlannedHost host : placement.hosts())
        {
            final String address = allocation.nodeAddresses().get(host.name());
            if (address == null)
            {
                missing.add(host.name());
            }
            else
            {
                addresses.put(host.name(), address);
            }
        }
        if (!missing.isEmpty())
        {
            throw new IllegalStateException("the topology's hosts " + missing + " are not nodes of Slurm job " + allocation.jobId() +
                " (its nodes: " + allocation.nodes() + "): name the topology's hosts after the allocation's nodes, " +
                "or ask Slurm for those nodes (salloc -w " + String.join(",", missing) + ")");
        }
        return plan.withPlacement(placement.withAddresses(addresses));
    }
}
