package org.jdpl.framework.cluster;

import java.security.SecureRandom;

import org.jdpl.framework.plan.NetSettings;
import org.jdpl.framework.plan.Plan;
import org.jdpl.framework.plan.PlannedDevice;

/**
 * The UDP ports of one run's streams between hosts, when the topology leaves them to the run (no
 * {@code net.base-port}): a base drawn at random per run, so that two runs on the same hosts listen
 * on different ports. Two runs of a few streams each meet with a chance of about one in two
 * thousand; when they do, the host agent that finds its port taken says which port and which run
 * holds it ({@code driver/PortCheck}).
 */
final class RunPorts
{
    /** Above the ports services usually take. */
    static final int LOWEST_PORT = 20_000;
    /** Below Linux's ephemeral range (32768-60999), where the kernel picks the ports of channels bound to port 0. */
    static final int HIGHEST_PORT = 32_767;
    private static final SecureRandom RANDOM = new SecureRandom();

    private RunPorts()
    {
    }

    /** {@code plan} with a base port of its own, or as it is when the topology gave one. */
    static Plan choose(final Plan plan)
    {
        final NetSettings net = plan.placement().net();
        if (net.basePort() != NetSettings.PER_RUN_BASE_PORT)
        {
            return plan;
        }
        int lowestStream = Integer.MAX_VALUE;
        int highestStream = 0;
        for (final PlannedDevice device : plan.devices())
        {
            if (device.firstStreamId() > 0)
            {
                lowestStream = Math.min(lowestStream, device.firstStreamId());
                highestStream = Math.max(highestStream, device.firstStreamId() + device.replicas() - 1);
            }
        }
        if (highestStream == 0)
        {
            return plan.withPlacement(plan.placement().withNet(net.withBasePort(NetSettings.DEFAULT_BASE_PORT)));
        }
        // Fan-out streams take the ids above every consumer stream: at most one per producer replica and host.
        highestStream += plan.replicaCount() * plan.placement().hosts().size();
        final int lowestBase = LOWEST_PORT - lowestStream;
        final int bases = HIGHEST_PORT - highestStream - lowestBase + 1;
        return plan.withPlacement(plan.placement().withNet(net.withBasePort(lowestBase + (bases > 1 ? RANDOM.nextInt(bases) : 0))));
    }
}
