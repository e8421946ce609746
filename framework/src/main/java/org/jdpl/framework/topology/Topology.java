package org.jdpl.framework.topology;

import java.util.List;

import org.jdpl.framework.plan.ProcessGroup;
import org.jdpl.framework.plan.RateLimit;
import org.jdpl.framework.spec.DataMatcher;

/**
 * The logical topology: validated devices in declaration order, and the settings the plan needs.
 *
 * @param devices        the devices, in the order the files declare them
 * @param inlineMaxBytes payloads up to this size travel inline
 * @param sources        the files it came from
 * @param segmentSizeBytes payload segment capacity ({@code shm.segment-size}); 0 for the default
 * @param durable        specs whose edges are durable ({@code channels { "ORIG/DESC" = chronicle }})
 * @param groups         process groups ({@code process = <group>}), members in declaration order
 * @param rateLimit      how sources are held back ({@code rate-limit { }})
 */
record Topology(List<TopologyDevice> devices, long inlineMaxBytes, List<String> sources, long segmentSizeBytes,
    List<DataMatcher> durable, List<ProcessGroup> groups, RateLimit rateLimit)
{
    Topology(final List<TopologyDevice> devices, final long inlineMaxBytes, final List<String> sources)
    {
        this(devices, inlineMaxBytes, sources, 0, List.of(), List.of(), RateLimit.NONE);
    }
}
