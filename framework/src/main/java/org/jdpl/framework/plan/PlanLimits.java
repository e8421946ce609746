package org.jdpl.framework.plan;

/**
 * What the framework itself can run, on any machine: {@code dpl validate} rejects a topology past
 * these, before any machine's resources come into it ({@code dpl run} checks those).
 */
public final class PlanLimits
{
    /**
     * Replicas of one device. Each is a JVM the Driver starts, watches and accounts for one by one;
     * past this many, a run is a mistake in the number, not a plan (ALICE's largest EPN topologies
     * run a few hundred processes per node).
     */
    public static final int MAX_REPLICAS = 1024;
    /** Device replicas of one run, over all devices and hosts: the bound of the counters and accounting the Driver keeps. */
    public static final int MAX_REPLICAS_PER_RUN = 4096;

    private PlanLimits()
    {
    }
}
