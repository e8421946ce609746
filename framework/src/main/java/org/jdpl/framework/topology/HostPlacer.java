package org.jdpl.framework.topology;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import org.jdpl.framework.plan.HostPlacement;
import org.jdpl.framework.plan.NetSettings;
import org.jdpl.framework.plan.PlannedHost;

/**
 * Reads where devices run: the top-level {@code hosts { name { address = ... } }} block, each
 * device's {@code host = name} or {@code hosts = [a, b]} (replica r on {@code hosts[r mod n]}, so
 * timeslices are dealt among hosts and a timeslice never spans two), and {@code net { }}. A device
 * without either runs on the first host declared. Without a hosts block, the plan is single-host.
 */
final class HostPlacer
{
    static final String ADDRESS = "address";
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

    private HostPlacer()
    {
    }

    static HostPlacement place(final ConfigObject root, final List<TopologyDevice> devices, final List<Problem> problems)
    {
        final NetSettings net = NetReader.read(root.get(TopologyKeys.NET), problems);
        final List<PlannedHost> hosts = hosts(root.get(TopologyKeys.HOSTS), problems);
        final List<String> names = new ArrayList<>();
        hosts.forEach(h -> names.add(h.name()));
        final ConfigValue declared = root.get(TopologyKeys.DEVICES);
        final Map<String, List<String>> replicaHosts = new LinkedHashMap<>();
        for (final TopologyDevice device : devices)
        {
            final ConfigObject block = declared instanceof ConfigObject all && all.get(device.name()) instanceof ConfigObject d ? d : null;
            final List<String> placed = block == null ? List.of() : devicePlacement(device, block, names, problems);
            if (!names.isEmpty())
            {
                final List<String> perReplica = new ArrayList<>();
                for (int r = 0; r < device.replicas(); r++)
                {
                    perReplica.add(placed.isEmpty() ? names.get(0) : placed.get(r % placed.size()));
                }
                replicaHosts.put(device.name(), perReplica);
            }
        }
        return hosts.isEmpty() ? new HostPlacement(List.of(), Map.of(), net) : new HostPlacement(hosts, replicaHosts, net);
    }

    private static List<PlannedHost> hosts(final ConfigValue value, final List<Problem> problems)
    {
        if (value == null)
        {
            return List.of();
        }
        if (!(value instanceof ConfigObject block))
        {
            problems.add(new Problem(Locations.of(value.origin()), "'hosts' must be a block { }, not " + OptionValidator.describe(value),
                "write hosts { node1 { address = \"10.0.0.1\" }, node2 { } } (the address defaults to the name)"));
            return List.of();
        }
        final List<Map.Entry<String, ConfigValue>> entries = new ArrayList<>(block.entrySet());
        // Declaration order: the first host also takes the devices placed nowhere.
        entries.sort(Comparator.comparingInt((Map.Entry<String, ConfigValue> e) -> e.getValue().origin().lineNumber())
            .thenComparing(Map.Entry::getKey));
        final List<PlannedHost> hosts = new ArrayList<>();
        for (final Map.Entry<String, ConfigValue> entry : entries)
        {
            final PlannedHost host = host(entry.getKey(), entry.getValue(), problems);
            if (host != null)
            {
                hosts.add(host);
            }
        }
        return hosts;
    }

    private static PlannedHost host(final String name, final ConfigValue value, final List<Problem> problems)
    {
        final String where = Locations.of(value.origin());
        if (!HOST_NAME.matcher(name).matches())
        {
            problems.add(new Problem(where, "bad host name '" + name + "'", "a host name is letters, digits, '.', '_' and '-' (quote it if it has dots)"));
            return null;
        }
        if (!(value instanceof ConfigObject block))
        {
            problems.add(new Problem(where, "host '" + name + "' must be a block { }, not " + OptionValidator.describe(value),
                "write " + name + " { address = \"10.0.0.1\" }"));
            return null;
        }
        String address = name;
        for (final Map.Entry<String, ConfigValue> entry : block.entrySet())
        {
            final String keyWhere = Locations.of(entry.getValue().origin());
            if (!ADDRESS.equals(entry.getKey()))
            {
                problems.add(new Problem(keyWhere, "unknown key '" + entry.getKey() + "' in host '" + name + "'", "a host has only an address"));
            }
            else if (entry.getValue().valueType() != ConfigValueType.STRING || ((String)entry.getValue().unwrapped()).isBlank())
            {
                problems.add(new Problem(keyWhere, "host '" + name + "': address must be a string, got " + OptionValidator.describe(entry.getValue()),
                    "write address = \"10.0.0.1\" (or a host name)"));
            }
            else
            {
                address = (String)entry.getValue().unwrapped();
            }
        }
        return new PlannedHost(name, address);
    }

    /** The hosts the device names ({@code host} or {@code hosts}), checked; empty when it names none. */
    private static List<String> devicePlacement(final TopologyDevice device, final ConfigObject block, final List<String> hosts,
        final List<Problem> problems)
    {
        final ConfigValue one = block.get(TopologyKeys.HOST);
        final ConfigValue many = block.get(TopologyKeys.HOSTS);
        final String name = device.name();
        if (one != null && many != null)
        {
            problems.add(new Problem(Locations.of(many.origin()), "device '" + name + "' has both host and hosts",
                "give host = <name> for one host, or hosts = [a, b] to deal its replicas among hosts"));
            return List.of();
        }
        if (one != null)
        {
            if (one.valueType() != ConfigValueType.STRING)
            {
                problems.add(new Problem(Locations.of(one.origin()), "device '" + name + "': host must be a host name, got " +
                    OptionValidator.describe(one), "write host = node1; for several hosts write hosts = [node1, node2]"));
                return List.of();
            }
            final String host = (String)one.unwrapped();
            return known(name, host, one, hosts, problems) ? List.of(host) : List.of();
        }
        if (many == null)
        {
            return List.of();
        }
        final String where = Locations.of(many.origin());
        if (!(many instanceof ConfigList list) || list.isEmpty())
        {
            problems.add(new Problem(where, "device '" + name + "': hosts must be a non-empty list of host names, got " +
                OptionValidator.describe(many), "write hosts = [node1, node2] with pipeline = a multiple of their number"));
            return List.of();
        }
        final List<String> named = new ArrayList<>();
        for (final ConfigValue item : list)
        {
            if (item.valueType() != ConfigValueType.STRING)
            {
                problems.add(new Problem(Locations.of(item.origin()), "device '" + name + "': hosts holds " + OptionValidator.describe(item) +
                    ", not a host name", "write hosts = [node1, node2]"));
                return List.of();
            }
            final String host = (String)item.unwrapped();
            if (!known(name, host, item, hosts, problems))
            {
                return List.of();
            }
            if (named.contains(host))
            {
                problems.add(new Problem(Locations.of(item.origin()), "device '" + name + "': host '" + host + "' is listed twice in hosts",
                    "list each host once; more replicas per host come from pipeline"));
                return List.of();
            }
            named.add(host);
        }
        if (device.replicas() % named.size() != 0)
        {
            problems.add(new Problem(where, "device '" + name + "': pipeline = " + device.replicas() + " does not divide evenly among " +
                named.size() + " hosts", "give pipeline a multiple of " + named.size() + " (each host runs the same number of replicas)"));
            return List.of();
        }
        return Collections.unmodifiableList(named);
    }

    private static boolean known(final String device, final String host, final ConfigValue value, final List<String> hosts,
        final List<Problem> problems)
    {
        if (hosts.contains(host))
        {
            return true;
        }
        final String where = Locations.of(value.origin());
        if (hosts.isEmpty())
        {
            problems.add(new Problem(where, "device '" + device + "': host '" + host + "' is not declared (the topology has no hosts block)",
                "declare it: hosts { " + host + " { address = \"10.0.0.1\" } }"));
        }
        else
        {
            problems.add(new Problem(where, "device '" + device + "': unknown host '" + host + "'",
                DidYouMean.hint(host, hosts, "hosts") + "; declare it under hosts { }"));
        }
        return false;
    }
}
