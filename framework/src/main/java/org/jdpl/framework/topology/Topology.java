package org.jdpl.framework.topology;

import java.util.List;

/**
 * The logical topology: validated devices in declaration order, and the settings the plan needs.
 *
 * @param devices        the devices, in the order the files declare them
 * @param inlineMaxBytes payloads up to this size travel inline
 * @param sources        the files it came from
 */
record Topology(List<TopologyDevice> devices, long inlineMaxBytes, List<String> sources)
{
}
