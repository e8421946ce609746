package org.jdpl.framework.plan;

import java.util.List;

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
 * @param rateLimit        how sources are held back ({@code rate-limit { }}); never null
 */
public record Plan(List<PlannedDevice> devices, int controlStreamId, long inlineMaxBytes, List<String> sources,
    long segmentSizeBytes, RateLimit rateLimit)
{
    public Plan
    {
        rateLimit = rateLimit == null ? RateLimit.NONE : rateLimit; // a run.json written before rate limits existed
    }

    /** A plan without a rate limit. */
    public Plan(final List<PlannedDevice> devices, final int controlStreamId, final long inlineMaxBytes, final List<String> sources,
        final long segmentSizeBytes)
    {
        this(devices, controlStreamId, inlineMaxBytes, sources, segmentSizeBytes, RateLimit.NONE);
    }

    /** A plan with the default payload segment size. */
    public Plan(final List<PlannedDevice> devices, final int controlStreamId, final long inlineMaxBytes, final List<String> sources)
    {
        this(devices, controlStreamId, inlineMaxBytes, sources, 0);
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

    /** Number of device processes the plan starts. */
    public int processCount()
    {
        int n = 0;
        for (final PlannedDevice d : devices)
        {
            n += d.replicas();
        }
        return n;
    }
}
