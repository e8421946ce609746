package org.jdpl.framework.driver;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.agrona.concurrent.Agent;
import org.jdpl.framework.plan.Plan;
import org.jdpl.framework.run.RunLayout;
import org.jdpl.framework.run.SegmentSlots;
import org.jdpl.transport.segment.PayloadSegment;
import org.jdpl.transport.segment.PayloadSegmentException;
import org.jdpl.transport.segment.SegmentContext;

/**
 * The Driver's side of the payload segment: creates it in the run's shared-memory directory
 * (sized by {@code shm.segment-size}), and reclaims the slot of every device process that exits, so
 * the references a dead consumer held, or that were in flight to it, free their memory instead of
 * leaking. An {@link Agent} polled beside the supervisor; closed by the Driver.
 */
final class SegmentKeeper implements Agent, AutoCloseable
{
    static final String METRIC_WAITS = "segment.waits";
    static final String METRIC_WAIT_SECONDS = "segment.waitSeconds";
    static final String METRIC_CAPACITY = "segment.capacityBytes";
    static final String METRIC_USED_AT_END = "segment.usedBytesAtEnd";
    static final String METRIC_RECLAIMED = "segment.reclaimedBlocks";

    private final PayloadSegment segment;
    private final Plan plan;
    private final List<DeviceProcess> processes;
    private int[] processSlots = new int[0];
    private boolean[] processReclaimed = new boolean[0];
    private DeviceProcess[] tracked = new DeviceProcess[0];
    private long reclaimedBlocks;

    private SegmentKeeper(final PayloadSegment segment, final Plan plan, final List<DeviceProcess> processes)
    {
        this.segment = segment;
        this.plan = plan;
        this.processes = processes;
    }

    /**
     * Creates the run's segment, or returns null when the plan has more processes than a segment
     * has slots (payloads then stay inline, and large ones fail with a message naming the limit).
     */
    static SegmentKeeper create(final Path shmDir, final Plan plan, final List<DeviceProcess> processes)
    {
        if (!SegmentSlots.fits(plan, PayloadSegment.maxProcesses()))
        {
            return null;
        }
        try
        {
            final PayloadSegment segment = PayloadSegment.create(RunLayout.payloadSegment(shmDir),
                new SegmentContext().sizeBytes(plan.segmentSizeBytes()));
            if (segment.slot() != SegmentSlots.DRIVER_SLOT)
            {
                segment.close();
                throw new IllegalStateException("the Driver took slot " + segment.slot() + " of a new payload segment");
            }
            return new SegmentKeeper(segment, plan, processes);
        }
        catch (final PayloadSegmentException ex)
        {
            throw new RunSetupException("cannot create the payload segment: " + ex.getMessage(), ex);
        }
    }

    @Override
    public String roleName()
    {
        return "segment-keeper";
    }

    /**
     * Reclaims the slot of each process that exited since the last call. A process the supervisor
     * already replaced (restarted) before this saw it exit is reclaimed at once: its successor JVM
     * takes far longer to start and attach than one duty cycle.
     */
    @Override
    public int doWork()
    {
        growTables();
        int work = 0;
        for (int i = 0; i < processSlots.length; i++)
        {
            final DeviceProcess p = processes.get(i);
            if (p != tracked[i])
            {
                if (tracked[i] != null && !processReclaimed[i])
                {
                    reclaimedBlocks += segment.reclaim(processSlots[i]);
                    work++;
                }
                tracked[i] = p;
                processReclaimed[i] = false;
            }
            if (!processReclaimed[i] && p.pollExited())
            {
                processReclaimed[i] = true;
                reclaimedBlocks += segment.reclaim(processSlots[i]);
                work++;
            }
        }
        return work;
    }

    /**
     * After every process has exited: reclaims every device slot once more (a producer may have
     * published to a consumer that had already died) and returns the segment's figures for the summary.
     */
    Map<String, Double> finish()
    {
        doWork();
        for (final int slot : processSlots)
        {
            reclaimedBlocks += segment.reclaim(slot);
        }
        final Map<String, Double> figures = new TreeMap<>();
        figures.put(METRIC_CAPACITY, (double)segment.capacityBytes());
        figures.put(METRIC_USED_AT_END, (double)segment.usedBytes());
        figures.put(METRIC_WAITS, (double)segment.backPressureWaits());
        figures.put(METRIC_WAIT_SECONDS, segment.backPressureWaitNs() / 1e9);
        figures.put(METRIC_RECLAIMED, (double)reclaimedBlocks);
        return figures;
    }

    PayloadSegment segment()
    {
        return segment;
    }

    @Override
    public void close()
    {
        segment.close();
    }

    /** Processes are started after the keeper exists; learn their slots as they appear. */
    private void growTables()
    {
        final int n = processes.size();
        if (n == processSlots.length)
        {
            return;
        }
        final int[] newSlots = Arrays.copyOf(processSlots, n);
        final boolean[] newReclaimed = Arrays.copyOf(processReclaimed, n);
        tracked = Arrays.copyOf(tracked, n);
        for (int i = processSlots.length; i < n; i++)
        {
            final DeviceProcess p = processes.get(i);
            newSlots[i] = SegmentSlots.slotOf(plan, p.device(), p.replica(), PayloadSegment.maxProcesses());
        }
        processSlots = newSlots;
        processReclaimed = newReclaimed;
    }
}
