package org.jdpl.framework.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gives some devices of a plan another number of replicas, and redoes what depends on it, as the
 * planner would have done with those numbers: receive stream ids (consecutive, in plan order, for
 * devices with inputs), how many producer replicas each consumer hears end of stream from, and the
 * routes' replica counts and first stream ids. A pure function; used once {@code pipeline = auto}
 * has been decided.
 */
public final class PlanReplicas
{
    private PlanReplicas()
    {
    }

    /** {@code plan} with {@code replicas} (device name to replica count) applied; devices not named keep theirs. */
    public static Plan resize(final Plan plan, final Map<String, Integer> replicas)
    {
        final Map<String, Integer> count = new HashMap<>();
        int next = Integer.MAX_VALUE;
        for (final PlannedDevice device : plan.devices())
        {
            final int n = replicas.getOrDefault(device.name(), device.replicas());
            if (n < 1)
            {
                throw new IllegalArgumentException("device '" + device.name() + "' cannot have " + n + " replicas");
            }
            count.put(device.name(), n);
            if (device.firstStreamId() > 0)
            {
                next = Math.min(next, device.firstStreamId());
            }
        }
        final Map<String, Integer> firstStreamIds = new HashMap<>();
        for (final PlannedDevice device : plan.devices())
        {
            firstStreamIds.put(device.name(), device.firstStreamId() > 0 ? next : 0);
            next += device.firstStreamId() > 0 ? count.get(device.name()) : 0;
        }
        final Map<String, Set<String>> producersOf = new HashMap<>();
        for (final PlannedDevice producer : plan.devices())
        {
            for (final Route route : producer.routes())
            {
                producersOf.computeIfAbsent(route.consumer(), c -> new LinkedHashSet<>()).add(producer.name());
            }
        }
        final List<PlannedDevice> devices = new ArrayList<>();
        for (final PlannedDevice d : plan.devices())
        {
            int upstream = 0;
            for (final String producer : producersOf.getOrDefault(d.name(), Set.of()))
            {
                upstream += count.get(producer);
            }
            final List<Route> routes = new ArrayList<>();
            for (final Route r : d.routes())
            {
                routes.add(new Route(r.outputLabel(), r.spec(), r.consumer(), r.consumerLabel(), count.get(r.consumer()),
                    firstStreamIds.get(r.consumer()), r.durable(), r.condition()));
            }
            devices.add(new PlannedDevice(d.name(), d.type(), count.get(d.name()), d.completion(), d.options(), d.inputs(), d.outputs(),
                firstStreamIds.get(d.name()), d.inputs().isEmpty() ? d.upstreamProducers() : upstream, List.copyOf(routes),
                d.idleStrategy(), d.failurePolicy(), d.origin(), d.gpu(), d.autoPipelineMax(), d.heapBytes()));
        }
        return new Plan(List.copyOf(devices), plan.controlStreamId(), plan.inlineMaxBytes(), plan.sources(), plan.segmentSizeBytes(),
            plan.groups(), plan.placement(), plan.rateLimit(), plan.libraries());
    }
}
