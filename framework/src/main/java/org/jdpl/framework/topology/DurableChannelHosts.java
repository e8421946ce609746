package org.jdpl.framework.topology;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import org.jdpl.framework.plan.Plan;
import org.jdpl.framework.plan.PlannedDevice;
import org.jdpl.framework.plan.Route;
import org.jdpl.framework.spec.DataMatcher;
import org.jdpl.framework.spec.SpecParser;
import org.jdpl.framework.spec.SpecSyntaxException;

/**
 * A durable channel is a Chronicle queue in one host's run directory, so its producer and its
 * consumers must all run on that host: one that would span hosts is a problem at the
 * {@code channels} entry that made it durable.
 */
final class DurableChannelHosts
{
    private DurableChannelHosts()
    {
    }

    static void check(final Plan plan, final ConfigObject root, final List<Problem> problems)
    {
        if (!plan.placement().spansHosts() || !(root.get("channels") instanceof ConfigObject channels))
        {
            return;
        }
        final Set<String> reported = new LinkedHashSet<>();
        for (final PlannedDevice producer : plan.devices())
        {
            for (final Route route : producer.routes())
            {
                if (!route.durable())
                {
                    continue;
                }
                final Set<String> hosts = new LinkedHashSet<>(hostsOf(plan, producer.name(), producer.replicas()));
                hosts.addAll(hostsOf(plan, route.consumer(), route.consumerReplicas()));
                final Map.Entry<String, ConfigValue> entry = declaring(channels, route);
                if (hosts.size() > 1 && entry != null && reported.add(entry.getKey()))
                {
                    problems.add(new Problem(Locations.of(entry.getValue().origin()),
                        "durable channel '" + entry.getKey() + "' from '" + producer.name() + "' to '" + route.consumer() +
                            "' would span hosts " + hosts + ", but its Chronicle queue lives on one host",
                        "place '" + producer.name() + "' and '" + route.consumer() + "' on one host, or make the channel " +
                            ChannelsReader.SHM + " (it then crosses hosts over UDP)"));
                }
            }
        }
    }

    private static List<String> hostsOf(final Plan plan, final String device, final int replicas)
    {
        final List<String> hosts = new ArrayList<>();
        for (int r = 0; r < replicas; r++)
        {
            hosts.add(plan.placement().hostOf(device, r));
        }
        return hosts;
    }

    /** The {@code channels} entry that made {@code route} durable: the first chronicle matcher of its spec. */
    private static Map.Entry<String, ConfigValue> declaring(final ConfigObject channels, final Route route)
    {
        for (final Map.Entry<String, ConfigValue> entry : channels.entrySet())
        {
            if (!ChannelsReader.CHRONICLE.equals(entry.getValue().unwrapped()))
            {
                continue;
            }
            try
            {
                final DataMatcher matcher = SpecParser.parseMatcher(entry.getKey());
                if (matcher.matches(route.spec()))
                {
                    return entry;
                }
            }
            catch (final SpecSyntaxException alreadyReported)
            {
                // ChannelsReader reported it
            }
        }
        return null;
    }
}
