package org.jdpl.gpu.reco;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.function.LongFunction;

import org.agrona.collections.Int2IntHashMap;
import org.jdpl.devices.reco.event.Cells;
import org.jdpl.devices.reco.event.Modules;
import org.jdpl.devices.reco.event.SpacepointBuffer;
import org.jdpl.devices.reco.event.Spacepoints;
import org.jdpl.devices.reco.event.Table;
import org.jdpl.devices.reco.geometry.ModuleId;
import org.jdpl.gpu.clusters.GpuClusterizer;

/**
 * The {@code clusterizer} step with the cluster search on the GPU: the whole timeframe's cells go
 * to the GPU in one batch (each module of each event a group, sorted by channel), the GPU labels
 * the connected components, and the host then walks each module's cells in the CPU clusterizer's
 * order to sum each cluster in double precision, the same sums in the same order. So the
 * spacepoints are bit for bit those of {@link org.jdpl.devices.reco.cluster.Clusterizer}: same
 * clusters, same order, same hit ids, same coordinates. Working memory grows to the largest
 * timeframe seen and is reused.
 */
public final class TimeframeClusterizer
{
    /** Channels and cells per module must fit 21 bits each to pack a sort key into a long. */
    private static final int BITS = 21;
    private static final long MASK = (1L << BITS) - 1;

    private final GpuClusterizer gpu;
    private final Table cellsIn = new Table(Cells.LAYOUT);
    private final Table modulesIn = new Table(Modules.LAYOUT);
    private final Table hitsIn = new Table(Spacepoints.LAYOUT);
    private final SpacepointBuffer out = new SpacepointBuffer();
    private final Int2IntHashMap moduleRow = new Int2IntHashMap(-1);
    private final ClusterSums sums = new ClusterSums();
    /** Per cell row: {@code module << 32 | index in its event}, sorted per event (the CPU clusterizer's order). */
    private long[] order = new long[0];
    private long[] channelKeys = new long[0];
    private int[] group = new int[0];
    private int[] ch0 = new int[0];
    private int[] ch1 = new int[0];
    private int[] labels = new int[0];
    private int[] positionOfRow = new int[0];
    private int[] clusterOfLabel = new int[0];

    /** @param gpu the GPU clusterizer, owned by the caller */
    public TimeframeClusterizer(final GpuClusterizer gpu)
    {
        this.gpu = gpu;
    }

    /** Cells (with their modules' geometry) and pre-made hits of one timeframe to spacepoints. */
    public void clusterize(final long timeslice, final MemorySegment cells, final MemorySegment modules, final MemorySegment hits,
        final LongFunction<MemorySegment> allocate)
    {
        cellsIn.wrap(cells);
        modulesIn.wrap(modules);
        hitsIn.wrap(hits);
        final int total = (int)cellsIn.rowCount();
        ensureCapacity(total);
        final int cellsSent = sortForGpu();
        gpu.label(timeslice, group, ch0, ch1, cellsSent, labels);
        out.clear();
        for (int e = 0; e < cellsIn.eventCount(); e++)
        {
            out.beginEvent(cellsIn.eventId(e));
            assembleEvent(e);
        }
        out.writeTo(allocate);
    }

    /** How many clusters so far held cells of more than one simulated hit, as the CPU clusterizer counts them. */
    public long mergedHits()
    {
        return sums.mergedHits();
    }

    /** Fills the GPU's columns: per event, per module, cells by (ch0, ch1); returns how many. */
    private int sortForGpu()
    {
        int position = 0;
        int groupId = 0;
        for (int e = 0; e < cellsIn.eventCount(); e++)
        {
            final int start = cellsIn.eventStart(e);
            final int n = cellsIn.eventEnd(e) - start;
            for (int i = 0; i < n; i++)
            {
                order[start + i] = (long)cellsIn.getInt(Cells.MODULE_ID, start + i) << 32 | i;
            }
            Arrays.sort(order, start, start + n);
            int i = start;
            while (i < start + n)
            {
                final int j = moduleEnd(i, start + n);
                if (j - i > MASK)
                {
                    throw new IllegalArgumentException("event " + cellsIn.eventId(e) + ": " + (j - i) + " cells on one module, more than " +
                        "the GPU clusterizer packs (" + MASK + "); use the CPU clusterizer for this data");
                }
                for (int k = i; k < j; k++)
                {
                    final int row = start + (int)order[k];
                    channelKeys[k - i] = channel(Cells.CH0, row, e) << 2 * BITS | channel(Cells.CH1, row, e) << BITS | (k - i);
                }
                Arrays.sort(channelKeys, 0, j - i);
                for (int k = 0; k < j - i; k++)
                {
                    final int row = start + (int)order[i + (int)(channelKeys[k] & MASK)];
                    group[position] = groupId;
                    ch0[position] = cellsIn.getInt(Cells.CH0, row);
                    ch1[position] = cellsIn.getInt(Cells.CH1, row);
                    positionOfRow[row] = position;
                    position++;
                }
                groupId++;
                i = j;
            }
        }
        return position;
    }

    /** Clusters in the CPU clusterizer's order: modules ascending, in a module by each cluster's first cell in event order. */
    private void assembleEvent(final int event)
    {
        moduleRow.clear();
        for (int row = modulesIn.eventStart(event); row < modulesIn.eventEnd(event); row++)
        {
            moduleRow.put(modulesIn.getInt(Modules.MODULE_ID, row), row);
        }
        final int start = cellsIn.eventStart(event);
        final int end = cellsIn.eventEnd(event);
        int i = start;
        while (i < end)
        {
            final int j = moduleEnd(i, end);
            final int module = (int)(order[i] >>> 32);
            final int geometryRow = moduleRow.get(module);
            if (geometryRow < 0)
            {
                throw new IllegalArgumentException("event " + cellsIn.eventId(event) + ": cells on " + ModuleId.toString(module) +
                    " but the modules input has no geometry for it");
            }
            sums.beginModule();
            for (int k = i; k < j; k++)
            {
                final int row = start + (int)order[k];
                final int label = labels[positionOfRow[row]];
                int cluster = clusterOfLabel[label];
                if (cluster < 0)
                {
                    cluster = sums.newCluster();
                    clusterOfLabel[label] = cluster;
                }
                sums.add(cluster, cellsIn, row);
            }
            sums.emit(modulesIn, geometryRow, module, out);
            for (int k = i; k < j; k++)
            {
                clusterOfLabel[labels[positionOfRow[start + (int)order[k]]]] = -1;
            }
            i = j;
        }
        for (int row = hitsIn.eventStart(event); row < hitsIn.eventEnd(event); row++)
        {
            out.add(hitsIn.getLong(Spacepoints.HIT_ID, row), hitsIn.getFloat(Spacepoints.X, row), hitsIn.getFloat(Spacepoints.Y, row),
                hitsIn.getFloat(Spacepoints.Z, row), hitsIn.getInt(Spacepoints.MODULE_ID, row));
        }
    }

    private int moduleEnd(final int from, final int end)
    {
        final int module = (int)(order[from] >>> 32);
        int j = from;
        while (j < end && (int)(order[j] >>> 32) == module)
        {
            j++;
        }
        return j;
    }

    private long channel(final int column, final int row, final int event)
    {
        final int value = cellsIn.getInt(column, row);
        if (value < 0 || value > MASK)
        {
            throw new IllegalArgumentException("event " + cellsIn.eventId(event) + ": cell channel " + value + " is outside 0.." + MASK +
                ", which the GPU clusterizer packs; use the CPU clusterizer for this data");
        }
        return value;
    }

    private void ensureCapacity(final int cells)
    {
        if (order.length < cells)
        {
            final int size = Math.max(cells, 2 * order.length);
            order = new long[size];
            channelKeys = new long[size];
            group = new int[size];
            ch0 = new int[size];
            ch1 = new int[size];
            labels = new int[size];
            positionOfRow = new int[size];
            clusterOfLabel = new int[size];
            Arrays.fill(clusterOfLabel, -1);
        }
    }
}
