package org.jdpl.framework.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The resolved, physical topology: every device with its replicas, channels and stream ids. Made
 * by the planner as a pure function of the validated topology; the Driver executes it, and each
 * device process reads its part of it.
 *
 * @param devices          devices in topological order (producers before consumers)
 * @param controlStreamId  the stream on which the Driver sends commands to every device
 * @param inlineMaxBytes   payloads up to this size travel inline in the Aeron message
 * @param sources          the topology files it came from
 * @param segmentSizeBytes capacity of the payload segment ({@code shm.segment-size}); 0 for the default
 * @param groups           process groups; a device in none runs in a process of its own per replica
 * @param placement        the host of every replica ({@link HostPlacement#LOCAL} when the plan has no hosts)
 * @param rateLimit        how sources are held back ({@code rate-limit { }}); never null
 * @param libraries        the jar of each device type used from a device library (outside the class
 *                         path), by type: it goes on the class path of the processes running it
 */
public record Plan(List<PlannedDevice> devices, int controlStreamId, long inlineMaxBytes, List<String> sources,
    long segmentSizeBytes, List<ProcessGroup> groups, HostPlacement placement, RateLimit rateLimit, Map<String, String> libraries)
{
    public Plan
    {
        // run.json files of older runs have none of these
        groups = groups == null ? List.of() : List.copyOf(groups);
        placement = placement == null ? HostPlacement.LOCAL : placement;
        rateLimit = rateLimit == null ? RateLimit.NONE : rateLimit;
        libraries = libraries == null ? Map.of() : Map.copyOf(libraries);
    }

    /** A plan of class-path device types only. */
    public Plan(final List<PlannedDevice> devices, final int controlStreamId, final long inlineMaxBytes, final List<String> sources,
        final long segmentSizeBytes, final List<ProcessGroup> groups, final HostPlacement placement, final RateLimit rateLimit)
    {
        this(devices, controlStreamId, inlineMaxBytes, sources, segmentSizeBytes, groups, placement, rateLimit, Map.of());
    }

    /** A plan without a rate limit. */
    public Plan(final List<PlannedDevice> devices, final int controlStreamId, final long inlineMaxBytes, final List<String> sources,
        final long segmentSizeBytes, final List<ProcessGroup> groups, final HostPlacement placement)
    {
        this(devices, controlStreamId, inlineMaxBytes, sources, segmentSizeBytes, groups, placement, RateLimit.NONE);
    }

    /** A single-host plan without a rate limit. */
    public Plan(final List<PlannedDevice> devices, final int controlStreamId, final long inlineMaxBytes, final List<String> sources,
        final long segmentSizeBytes, final List<ProcessGroup> groups)
    {
        this(devices, controlStreamId, inlineMaxBytes, sources, segmentSizeBytes, groups, HostPlacement.LOCAL);
    }

    /** A single-host plan without process groups or a rate limit. */
    public Plan(final List<PlannedDevice> devices, final int controlStreamId, final long inlineMaxBytes, final List<String> sources,
        final long segmentSizeBytes)
    {
        this(devices, controlStreamId, inlineMaxBytes, sources, segmentSizeBytes, List.of());
    }

    /** A plan with the default payload segment size and no process groups. */
    public Plan(final List<PlannedDevice> devices, final int controlStreamId, final long inlineMaxBytes, final List<String> sources)
    {
        this(devices, controlStreamId, inlineMaxBytes, sources, 0, List.of());
    }

    /** The same plan with another placement (a launcher's host addresses). */
    public Plan withPlacement(final HostPlacement newPlacement)
    {
        return new Plan(devices, controlStreamId, inlineMaxBytes, sources, segmentSizeBytes, groups, newPlacement, rateLimit, libraries);
    }

    /** The same plan with the jars of its device-library types. */
    public Plan withLibraries(final Map<String, String> jarsByType)
    {
        return new Plan(devices, controlStreamId, inlineMaxBytes, sources, segmentSizeBytes, groups, placement, rateLimit, jarsByType);
    }

    /** The jars {@code devices} need beyond the class path, each once, in device order. */
    public List<String> librariesOf(final List<PlannedDevice> members)
    {
        final List<String> jars = new ArrayList<>();
        for (final PlannedDevice device : members)
        {
            final String jar = libraries.get(device.type());
            if (jar != null && !jars.contains(jar))
            {
                jars.add(jar);
            }
        }
        return jars;
    }

    public PlannedDevice device(final String name)
    {
        for (final PlannedDevice d : devices)
        {
            if (d.name().equals(name))
            {
                return d;
            }
        }
        throw new IllegalArgumentException("no device '" + name + "' in the plan");
    }

    /** The replicas placed on {@code host}, in device order. */
    public List<ReplicaName> replicasOn(final String host)
    {
        final List<ReplicaName> replicas = new ArrayList<>();
        for (final PlannedDevice device : devices)
        {
            for (int r = 0; r < device.replicas(); r++)
            {
                if (placement.hostOf(device.name(), r).equals(host))
                {
                    replicas.add(new ReplicaName(device.name(), r));
                }
            }
        }
        return replicas;
    }

    /** The process group {@code device} belongs to, or null when it runs in processes of its own. */
    public ProcessGroup groupOf(final String device)
    {
        for (final ProcessGroup group : groups)
        {
            if (group.contains(device))
            {
                return group;
            }
        }
        return null;
    }

    /** Number of device processes the plan starts: one per replica of each group, and of each device in none. */
    public int processCount()
    {
        int n = 0;
        for (final PlannedDevice d : devices)
        {
            n += groupOf(d.name()) == null ? d.replicas() : 0;
        }
        for (final ProcessGroup group : groups)
        {
            n += group.replicas();
        }
        return n;
    }

    /** Number of device replicas, grouped or not: each has its own counters and payload-segment slot. */
    public int replicaCount()
    {
        int n = 0;
        for (final PlannedDevice d : devices)
        {
            n += d.replicas();
        }
        return n;
    }
}
