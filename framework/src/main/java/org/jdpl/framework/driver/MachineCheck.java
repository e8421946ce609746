package org.jdpl.framework.driver;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.jdpl.framework.plan.Plan;
import org.jdpl.framework.plan.PlannedDevice;
import org.jdpl.framework.plan.ProcessGroup;
import org.jdpl.framework.run.SegmentSlots;
import org.jdpl.transport.segment.PayloadSegment;
import org.jdpl.transport.segment.SegmentContext;
import org.jdpl.transport.segment.Sizes;

/**
 * Before a run starts any process: what this machine (this host, for a host agent) cannot give the
 * plan. The payload segment against free shared memory, the processes' memory and the segment
 * against available memory, the number of processes against the cores. Each problem is one line:
 * the key and where it is written, what the machine has, what to do. GPU memory is not checked:
 * GPU discovery does not report it.
 */
final class MachineCheck
{
    /**
     * What a device process takes beyond its declared heap: the median resident size measured by
     * {@code dpl bench startup} is 77-103 MiB (docs/startup.md).
     */
    static final long PROCESS_BYTES = 96L << 20;
    /** The Driver and its embedded media driver (docs/startup.md: ~130 MB resident). */
    static final long DRIVER_BYTES = 160L << 20;
    /** More device processes than this per core is a mistake in a number, not a plan: each is a JVM. */
    static final int PROCESSES_PER_CORE = 32;

    private final Plan plan;
    private final String host;
    private final MachineResources machine;
    private final UnaryOperator<String> keyLocations;

    /**
     * @param host         the host whose replicas this Driver starts; "" for all
     * @param keyLocations {@code file.conf:LINE} of a topology key ({@code devices.fwd.pipeline}), "" when unknown
     */
    MachineCheck(final Plan plan, final String host, final MachineResources machine, final UnaryOperator<String> keyLocations)
    {
        this.plan = plan;
        this.host = host;
        this.machine = machine;
        this.keyLocations = keyLocations;
    }

    /** Every problem, one line each; empty when the machine can run the plan. */
    List<String> problems()
    {
        final List<String> problems = new ArrayList<>();
        final long segmentBytes = segmentBytes();
        boolean segmentFits = true;
        if (segmentBytes > machine.shmFreeBytes())
        {
            segmentFits = false;
            problems.add(at("shm.segment-size", "") + SegmentContext.SIZE_SETTING + " = " + Sizes.format(segmentBytes) +
                " does not fit in the shared memory of this machine: " + Sizes.format(machine.shmFreeBytes()) + " free there; lower " +
                SegmentContext.SIZE_SETTING + ", or free space there (dpl clean removes what dead runs left)");
        }
        final Demand biggest = biggestDemand();
        final long needed = DRIVER_BYTES + segmentBytes + processBytes();
        if (segmentFits && biggest != null && needed > machine.memAvailableBytes())
        {
            final String what = biggest.heapBytes > 0 ? "jvm.heap = " + Sizes.format(biggest.heapBytes) : "pipeline = " + biggest.processes;
            final boolean segmentBiggest = segmentBytes > biggest.bytes();
            problems.add((segmentBiggest ? at("shm.segment-size", "") : at(biggest.key(), biggest.device.origin())) + "the run needs about " +
                Sizes.format(needed) + " of memory (" + processes() + " device processes at " + Sizes.format(PROCESS_BYTES) +
                " each plus their jvm.heap, the payload segment " + Sizes.format(segmentBytes) + "; the most: " +
                (segmentBiggest ? SegmentContext.SIZE_SETTING : "device '" + biggest.device.name() + "', " + what) + "), this machine has " +
                Sizes.format(machine.memAvailableBytes()) + " available; lower " +
                (segmentBiggest ? SegmentContext.SIZE_SETTING : biggest.heapBytes > 0 ? "its jvm.heap" : "its pipeline") +
                ", or run on a machine with more memory");
        }
        final int processes = processes();
        final long bound = (long)machine.cores() * PROCESSES_PER_CORE;
        if (processes > bound && biggest != null)
        {
            final Demand widest = widestDemand();
            problems.add(at("devices." + widest.device.name() + ".pipeline", widest.device.origin()) + processes +
                " device processes are more than " + PROCESSES_PER_CORE + " a core on this machine's " + machine.cores() +
                " cores (device '" + widest.device.name() + "' has " + widest.processes + "); lower pipeline, or put devices in " +
                "process groups (process = ...)");
        }
        return problems;
    }

    /** The size the Driver will give the segment (0 when the run has none: payloads then stay inline). */
    private long segmentBytes()
    {
        if (!SegmentSlots.fits(plan, PayloadSegment.maxProcesses()))
        {
            return 0;
        }
        return plan.segmentSizeBytes() > 0 ? plan.segmentSizeBytes() :
            SegmentContext.defaultSizeBytes(machine.shmFreeBytes(), SegmentContext.DEFAULT_PAGE_SIZE_BYTES);
    }

    private int processes()
    {
        int n = 0;
        for (final Demand demand : demands())
        {
            n += demand.processes;
        }
        return n;
    }

    private long processBytes()
    {
        long bytes = 0;
        for (final Demand demand : demands())
        {
            bytes += demand.bytes();
        }
        return bytes;
    }

    private Demand biggestDemand()
    {
        Demand biggest = null;
        for (final Demand demand : demands())
        {
            biggest = biggest == null || demand.bytes() > biggest.bytes() ? demand : biggest;
        }
        return biggest;
    }

    private Demand widestDemand()
    {
        Demand widest = null;
        for (final Demand demand : demands())
        {
            widest = widest == null || demand.processes > widest.processes ? demand : widest;
        }
        return widest;
    }

    /** What each device's processes on this host take: a group's members share their first member's processes. */
    private List<Demand> demands()
    {
        final List<Demand> demands = new ArrayList<>();
        for (final PlannedDevice device : plan.devices())
        {
            final ProcessGroup group = plan.groupOf(device.name());
            int here = 0;
            for (int r = 0; r < device.replicas(); r++)
            {
                here += host.isEmpty() || plan.placement().hostOf(device.name(), r).equals(host) ? 1 : 0;
            }
            final boolean ownsProcesses = group == null || group.devices().get(0).equals(device.name());
            demands.add(new Demand(device, ownsProcesses ? here : 0, here, device.heapBytes()));
        }
        return demands;
    }

    private String at(final String key, final String fallback)
    {
        final String where = keyLocations.apply(key);
        final String location = where == null || where.isEmpty() ? fallback : where;
        return location == null || location.isEmpty() ? "" : location + ": ";
    }

    /** One device's processes on this host and the heaps of its replicas there. */
    private record Demand(PlannedDevice device, int processes, int replicas, long heapBytes)
    {
        long bytes()
        {
            return processes * PROCESS_BYTES + replicas * heapBytes;
        }

        String key()
        {
            return "devices." + device.name() + (heapBytes > 0 ? ".jvm.heap" : ".pipeline");
        }
    }
}
