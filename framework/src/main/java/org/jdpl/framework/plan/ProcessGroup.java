package org.jdpl.framework.plan;

import java.util.List;

/**
 * Devices that share one JVM ({@code process = <name>} in the topology), wired to each other with
 * in-process rings instead of shared memory. Every member has the same pipeline width: replica
 * {@code r} of the group is one process holding replica {@code r} of each member.
 *
 * @param name     the group's name, also its processes' name in logs and the summary
 * @param devices  its members, in plan order
 * @param replicas the members' common pipeline width
 * @param origin   where it is first declared ({@code file.conf:12})
 */
public record ProcessGroup(String name, List<String> devices, int replicas, String origin)
{
    public ProcessGroup
    {
        devices = List.copyOf(devices);
    }

    public boolean contains(final String device)
    {
        return devices.contains(device);
    }

    /** {@code name} for one replica, {@code name[r]} with several, as device replicas are written. */
    public String processName(final int replica)
    {
        return replicas == 1 ? name : name + "[" + replica + "]";
    }
}
