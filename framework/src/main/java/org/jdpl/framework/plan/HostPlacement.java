package org.jdpl.framework.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where every device replica runs. A single-host plan ({@link #LOCAL}) has no hosts: everything runs
 * beside the Driver, over shared memory. A multi-host plan names its hosts and the host of each
 * replica; an edge whose producer and consumer replicas share a host stays shared memory, any other
 * edge is Aeron UDP to the consumer host's address, on the port {@link NetSettings#portOf} gives the
 * consumer's stream.
 *
 * @param hosts        the hosts, in declaration order; empty for a single-host plan
 * @param replicaHosts per device, the host of each replica (index = replica)
 * @param net          how cross-host channels are sized
 */
public record HostPlacement(List<PlannedHost> hosts, Map<String, List<String>> replicaHosts, NetSettings net)
{
    public static final HostPlacement LOCAL = new HostPlacement(List.of(), Map.of(), NetSettings.DEFAULTS);

    public HostPlacement
    {
        hosts = hosts == null ? List.of() : List.copyOf(hosts);
        replicaHosts = replicaHosts == null ? Map.of() : Map.copyOf(replicaHosts);
        net = net == null ? NetSettings.DEFAULTS : net;
    }

    public boolean spansHosts()
    {
        return !hosts.isEmpty();
    }

    /** The host of {@code device}'s replica {@code replica}; "" in a single-host plan. */
    public String hostOf(final String device, final int replica)
    {
        final List<String> hostsOfReplicas = replicaHosts.get(device);
        return hostsOfReplicas == null ? "" : hostsOfReplicas.get(replica);
    }

    /** The address other hosts reach {@code host} at. */
    public String addressOf(final String host)
    {
        for (final PlannedHost planned : hosts)
        {
            if (planned.name().equals(host))
            {
                return planned.address();
            }
        }
        throw new IllegalArgumentException("no host '" + host + "' in the plan; its hosts are " + hostNames());
    }

    public List<String> hostNames()
    {
        final List<String> names = new ArrayList<>();
        for (final PlannedHost host : hosts)
        {
            names.add(host.name());
        }
        return names;
    }

    /** The same placement with other network settings (a launcher's ports for one run). */
    public HostPlacement withNet(final NetSettings newNet)
    {
        return new HostPlacement(hosts, replicaHosts, newNet);
    }

    /**
     * The same placement with the addresses a launcher learnt (host name to address); hosts it does
     * not name keep theirs.
     */
    public HostPlacement withAddresses(final Map<String, String> addresses)
    {
        final List<PlannedHost> updated = new ArrayList<>();
        for (final PlannedHost host : hosts)
        {
            updated.add(new PlannedHost(host.name(), addresses.getOrDefault(host.name(), host.address())));
        }
        return new HostPlacement(updated, replicaHosts, net);
    }
}
