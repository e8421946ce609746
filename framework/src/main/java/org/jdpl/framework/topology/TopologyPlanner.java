package org.jdpl.framework.topology;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

import com.typesafe.config.ConfigRenderOptions;
import org.jdpl.framework.plan.GpuPlacement;
import org.jdpl.framework.plan.HostPlacement;
import org.jdpl.framework.plan.Plan;
import org.jdpl.framework.plan.PlannedDevice;
import org.jdpl.framework.plan.ProcessGroup;
import org.jdpl.framework.plan.Route;
import org.jdpl.framework.spec.DataMatcher;
import org.jdpl.framework.spec.DataSpec;
import org.jdpl.framework.spec.Lifetime;

/**
 * Resolves a validated, acyclic {@link Topology} into the physical {@link Plan}, as a pure
 * function: devices in topological order (producers first, ties in declaration order), a receive
 * stream per replica of every device with inputs (from {@value #FIRST_DATA_STREAM_ID} on), the
 * number of producer replicas each consumer hears end of stream from, and one route per matching
 * (output, consumer input) pair.
 */
final class TopologyPlanner
{
    static final int CONTROL_STREAM_ID = 1;
    static final int FIRST_DATA_STREAM_ID = 1001;

    private TopologyPlanner()
    {
    }

    static Plan plan(final Topology topology)
    {
        return plan(topology, Map.of());
    }

    /** @param gpus the GPU placement of each GPU device, by name */
    static Plan plan(final Topology topology, final Map<String, GpuPlacement> gpus)
    {
        final List<TopologyDevice> ordered = topologicalOrder(topology.devices());
        final List<Wiring.Edge> edges = Wiring.edges(ordered);
        final Map<String, Integer> firstStreamIds = new HashMap<>();
        int next = FIRST_DATA_STREAM_ID;
        for (final TopologyDevice device : ordered)
        {
            firstStreamIds.put(device.name(), device.inputs().isEmpty() ? 0 : next);
            next += device.inputs().isEmpty() ? 0 : device.replicas();
        }
        final List<PlannedDevice> planned = new ArrayList<>();
        for (final TopologyDevice device : ordered)
        {
            planned.add(new PlannedDevice(
                device.name(),
                device.type(),
                device.replicas(),
                device.completion(),
                device.options().root().render(ConfigRenderOptions.concise()),
                device.inputs(),
                device.outputs(),
                firstStreamIds.get(device.name()),
                upstreamProducers(device, edges),
                routes(device, edges, firstStreamIds, topology.durable()),
                device.idleStrategy(),
                device.failurePolicy(),
                device.origin(),
                gpus.get(device.name()), device.autoPipelineMax(), device.heapBytes()));
        }
        return new Plan(List.copyOf(planned), CONTROL_STREAM_ID, topology.inlineMaxBytes(), List.copyOf(topology.sources()),
            topology.segmentSizeBytes(), inPlanOrder(topology.groups(), ordered), HostPlacement.LOCAL, topology.rateLimit());
    }

    /** Each group's members in the plan's (topological) order, so a group starts its producers first. */
    private static List<ProcessGroup> inPlanOrder(final List<ProcessGroup> groups, final List<TopologyDevice> ordered)
    {
        final List<ProcessGroup> planned = new ArrayList<>();
        for (final ProcessGroup group : groups)
        {
            final List<String> members = ordered.stream().map(TopologyDevice::name).filter(group::contains).toList();
            planned.add(new ProcessGroup(group.name(), members, group.replicas(), group.origin()));
        }
        return List.copyOf(planned);
    }

    /** Each replica of each distinct producer sends one end of stream to every replica of this device. */
    private static int upstreamProducers(final TopologyDevice consumer, final List<Wiring.Edge> edges)
    {
        final Set<TopologyDevice> producers = new LinkedHashSet<>();
        for (final Wiring.Edge edge : edges)
        {
            if (edge.consumer() == consumer)
            {
                producers.add(edge.producer());
            }
        }
        int replicas = 0;
        for (final TopologyDevice producer : producers)
        {
            replicas += producer.replicas();
        }
        return replicas;
    }

    private static List<Route> routes(
        final TopologyDevice producer,
        final List<Wiring.Edge> edges,
        final Map<String, Integer> firstStreamIds,
        final List<DataMatcher> durable)
    {
        final List<Route> routes = new ArrayList<>();
        for (final Wiring.Edge edge : edges)
        {
            if (edge.producer() == producer)
            {
                final TopologyDevice consumer = edge.consumer();
                routes.add(new Route(edge.output().label(), edge.output().spec(), consumer.name(), edge.input().label(),
                    consumer.replicas(), firstStreamIds.get(consumer.name()), isDurable(edge.output().spec(), durable),
                    edge.input().lifetime() == Lifetime.CONDITION));
            }
        }
        return List.copyOf(routes);
    }

    private static boolean isDurable(final DataSpec spec, final List<DataMatcher> durable)
    {
        for (final DataMatcher matcher : durable)
        {
            if (matcher.matches(spec))
            {
                return true;
            }
        }
        return false;
    }

    /** Kahn's algorithm; among devices ready at the same time, the one declared first goes first. */
    static List<TopologyDevice> topologicalOrder(final List<TopologyDevice> devices)
    {
        final Map<TopologyDevice, Integer> declared = new HashMap<>();
        final Map<TopologyDevice, Set<TopologyDevice>> consumers = new LinkedHashMap<>();
        final Map<TopologyDevice, Integer> waitingFor = new HashMap<>();
        for (final TopologyDevice device : devices)
        {
            declared.put(device, declared.size());
            consumers.put(device, new LinkedHashSet<>());
            waitingFor.put(device, 0);
        }
        for (final Wiring.Edge edge : Wiring.edges(devices))
        {
            if (consumers.get(edge.producer()).add(edge.consumer()))
            {
                waitingFor.merge(edge.consumer(), 1, Integer::sum);
            }
        }
        final PriorityQueue<TopologyDevice> ready = new PriorityQueue<>(Comparator.comparing(declared::get));
        devices.stream().filter(d -> waitingFor.get(d) == 0).forEach(ready::add);
        final List<TopologyDevice> ordered = new ArrayList<>();
        while (!ready.isEmpty())
        {
            final TopologyDevice device = ready.poll();
            ordered.add(device);
            for (final TopologyDevice consumer : consumers.get(device))
            {
                if (waitingFor.merge(consumer, -1, Integer::sum) == 0)
                {
                    ready.add(consumer);
                }
            }
        }
        if (ordered.size() != devices.size())
        {
            throw new IllegalArgumentException("the topology has a cycle; validate it before planning");
        }
        return ordered;
    }
}
