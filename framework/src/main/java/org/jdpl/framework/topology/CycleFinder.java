package org.jdpl.framework.topology;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Finds the cycles among devices (one per strongly connected group) and names the devices on each, in order. */
final class CycleFinder
{
    private CycleFinder()
    {
    }

    static void report(final List<TopologyDevice> devices, final List<Wiring.Edge> edges, final List<Problem> problems)
    {
        final Map<String, Set<String>> next = new LinkedHashMap<>();
        final Map<String, TopologyDevice> byName = new LinkedHashMap<>();
        for (final TopologyDevice device : devices)
        {
            next.put(device.name(), new LinkedHashSet<>());
            byName.put(device.name(), device);
        }
        for (final Wiring.Edge edge : edges)
        {
            next.get(edge.producer().name()).add(edge.consumer().name());
        }
        final Set<String> onReportedCycle = new HashSet<>();
        for (final TopologyDevice device : devices)
        {
            if (onReportedCycle.contains(device.name()))
            {
                continue;
            }
            final List<String> cycle = pathBack(device.name(), next);
            if (cycle != null)
            {
                onReportedCycle.addAll(reachableBothWays(device.name(), next));
                problems.add(new Problem(device.origin(), "cycle: " + String.join(" -> ", cycle),
                    "a device cannot consume, even indirectly, what it produces: change an input or output spec to break the loop"));
            }
        }
    }

    /** The shortest path from {@code start} back to itself, start repeated at the end, or null. */
    private static List<String> pathBack(final String start, final Map<String, Set<String>> next)
    {
        final Map<String, String> parent = new LinkedHashMap<>();
        final List<String> frontier = new ArrayList<>(List.of(start));
        while (!frontier.isEmpty())
        {
            final List<String> following = new ArrayList<>();
            for (final String node : frontier)
            {
                for (final String n : next.get(node))
                {
                    if (n.equals(start))
                    {
                        final List<String> path = new ArrayList<>();
                        for (String at = node; at != null; at = parent.get(at))
                        {
                            path.addFirst(at);
                        }
                        path.add(start);
                        return path;
                    }
                    if (!parent.containsKey(n))
                    {
                        parent.put(n, node);
                        following.add(n);
                    }
                }
            }
            frontier.clear();
            frontier.addAll(following);
        }
        return null;
    }

    /** The devices on some cycle through {@code start}: reachable from it and reaching it. */
    private static Set<String> reachableBothWays(final String start, final Map<String, Set<String>> next)
    {
        final Set<String> both = new HashSet<>();
        for (final String node : reachable(start, next))
        {
            if (reachable(node, next).contains(start))
            {
                both.add(node);
            }
        }
        return both;
    }

    private static Set<String> reachable(final String from, final Map<String, Set<String>> next)
    {
        final Set<String> seen = new LinkedHashSet<>();
        final List<String> todo = new ArrayList<>(List.of(from));
        while (!todo.isEmpty())
        {
            for (final String n : next.get(todo.removeLast()))
            {
                if (seen.add(n))
                {
                    todo.add(n);
                }
            }
        }
        return seen;
    }
}
