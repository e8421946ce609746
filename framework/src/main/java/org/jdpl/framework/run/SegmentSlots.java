package org.jdpl.framework.run;

import org.jdpl.framework.plan.Plan;
import org.jdpl.framework.plan.PlannedDevice;

/**
 * Which process slot of the payload segment each device replica attaches to, as a pure function of
 * the plan, so that a producer knows its consumers' holder bits without asking anyone. The Driver
 * attaches first and takes slot {@value #DRIVER_SLOT}; replicas follow in plan order.
 */
public final class SegmentSlots
{
    public static final int DRIVER_SLOT = 0;

    private SegmentSlots()
    {
    }

    /** The slot of {@code device}'s replica {@code replica}; -1 when the plan has more processes than slots. */
    public static int slotOf(final Plan plan, final String device, final int replica, final int maxProcesses)
    {
        if (!fits(plan, maxProcesses))
        {
            return -1;
        }
        int slot = DRIVER_SLOT + 1;
        for (final PlannedDevice d : plan.devices())
        {
            if (d.name().equals(device))
            {
                return slot + replica;
            }
            slot += d.replicas();
        }
        throw new IllegalArgumentException("no device '" + device + "' in the plan");
    }

    /**
     * Whether every device replica, and the Driver, gets a slot. Members of a process group keep a
     * slot each: a holder bit stands for a consumer replica, not for a process.
     */
    public static boolean fits(final Plan plan, final int maxProcesses)
    {
        return plan.replicaCount() + 1 <= maxProcesses;
    }
}
