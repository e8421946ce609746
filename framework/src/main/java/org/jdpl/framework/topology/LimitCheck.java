package org.jdpl.framework.topology;

import java.util.List;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import org.jdpl.framework.plan.Plan;
import org.jdpl.framework.plan.PlanLimits;
import org.jdpl.transport.segment.SegmentContext;
import org.jdpl.transport.segment.Sizes;

/**
 * What can never run on any machine, found once the plan is made: more replicas than a run may
 * have, a payload segment its block references cannot address, a segment smaller than a payload a
 * device declares ({@code payload-bytes}). Consumer ports cannot pass 65535: {@code net.base-port}
 * is at most 60000 and streams run from 1001 to at most 1000 + {@link PlanLimits#MAX_REPLICAS_PER_RUN}
 * (the fan-out streams above them are not checked). What one machine cannot give is the Driver's
 * check, at {@code dpl run}.
 */
final class LimitCheck
{
    /** The option by which sources declare the size of each payload they send. */
    static final String PAYLOAD_OPTION = "payload-bytes";

    private LimitCheck()
    {
    }

    static void check(final Topology topology, final Plan plan, final ConfigObject root, final List<Problem> problems)
    {
        checkReplicas(topology, plan, root, problems);
        checkSegment(topology, root, problems);
    }

    private static void checkReplicas(final Topology topology, final Plan plan, final ConfigObject root, final List<Problem> problems)
    {
        final int replicas = plan.replicaCount();
        if (replicas <= PlanLimits.MAX_REPLICAS_PER_RUN)
        {
            return;
        }
        final TopologyDevice widest = topology.devices().stream().reduce((a, b) -> b.replicas() > a.replicas() ? b : a).orElseThrow();
        problems.add(new Problem(pipelineOrigin(root, widest), "the topology has " + replicas + " device replicas, more than the " +
            PlanLimits.MAX_REPLICAS_PER_RUN + " a run may have (device '" + widest.name() + "' has " + widest.replicas() + ")",
            "lower pipeline: every replica has counters, a segment slot and accounting of its own, grouped or not"));
    }

    private static void checkSegment(final Topology topology, final ConfigObject root, final List<Problem> problems)
    {
        final ConfigValue size = at(root, TopologyKeys.SHM, TopologyKeys.SEGMENT_SIZE);
        final long sizeBytes = topology.segmentSizeBytes();
        if (size == null || sizeBytes <= 0)
        {
            return;
        }
        final long addressable = SegmentContext.maxSizeBytes(SegmentContext.DEFAULT_PAGE_SIZE_BYTES);
        if (sizeBytes > addressable)
        {
            problems.add(new Problem(Locations.of(size.origin()), SegmentContext.SIZE_SETTING + " = " + Sizes.format(sizeBytes) +
                " is more than a payload segment can address (" + Sizes.format(addressable) + ": 2^32 pages of " +
                Sizes.format(SegmentContext.DEFAULT_PAGE_SIZE_BYTES) + ")", "give at most " + SegmentContext.SIZE_SETTING + " = " +
                (addressable >> 40) + "T"));
            return;
        }
        for (final TopologyDevice device : topology.devices())
        {
            final long payload = payloadBytes(device.options());
            if (payload > topology.inlineMaxBytes() && payload > sizeBytes)
            {
                problems.add(new Problem(Locations.of(size.origin()), SegmentContext.SIZE_SETTING + " = " + Sizes.format(sizeBytes) +
                    " is smaller than one payload of device '" + device.name() + "' (" + PAYLOAD_OPTION + " = " + Sizes.format(payload) +
                    " at " + Locations.of(device.options().getValue(PAYLOAD_OPTION).origin()) + "): it could never be sent",
                    "give " + SegmentContext.SIZE_SETTING + " room for a few payloads, e.g. " + SegmentContext.SIZE_SETTING + " = " +
                        ((4 * payload + (1 << 20) - 1) >> 20) + "M"));
                return;
            }
        }
    }

    private static long payloadBytes(final Config options)
    {
        try
        {
            return options.hasPath(PAYLOAD_OPTION) ? options.getBytes(PAYLOAD_OPTION) : 0;
        }
        catch (final ConfigException e)
        {
            return 0; // not a size: the option's own check said so
        }
    }

    /** Where the device's pipeline is written, or the device itself when it has none. */
    private static String pipelineOrigin(final ConfigObject root, final TopologyDevice device)
    {
        final ConfigValue devices = root.get(TopologyKeys.DEVICES);
        final ConfigValue pipeline = devices instanceof ConfigObject all ? at(all, device.name(), TopologyKeys.PIPELINE) : null;
        return pipeline != null ? Locations.of(pipeline.origin()) : device.origin();
    }

    private static ConfigValue at(final ConfigObject root, final String block, final String key)
    {
        return root.get(block) instanceof ConfigObject object ? object.get(key) : null;
    }
}
