package org.jdpl.devices.reco.cluster;

import java.util.Arrays;

import org.agrona.collections.Int2IntHashMap;
import org.jdpl.devices.reco.event.Cells;
import org.jdpl.devices.reco.event.Modules;
import org.jdpl.devices.reco.event.SpacepointBuffer;
import org.jdpl.devices.reco.event.Spacepoints;
import org.jdpl.devices.reco.event.Table;
import org.jdpl.devices.reco.geometry.ModuleId;

/**
 * Turns one event's cells into spacepoints: cells are grouped by module, joined into clusters of
 * touching cells (8-connectivity), each cluster's charge-weighted centre in the module's local frame
 * ({@code u = (ch0 + 0.5) pitchU - halfU}, likewise v) is moved to global coordinates with the module's
 * centre and rotation. A cluster keeps the hit id of its highest-charge cell, the truth link. Hits
 * sent without cells are passed through unchanged. Buffers are reused between events.
 */
public final class Clusterizer
{
    private final Int2IntHashMap moduleRow = new Int2IntHashMap(-1);
    private long[] order = new long[1024];
    private int[] parent = new int[64];
    private long mergedHits;

    /** Clusters event {@code event} of the tables into {@code out} (after {@code out.beginEvent}). */
    public void clusterEvent(final Table cells, final Table modules, final Table hits, final int event, final SpacepointBuffer out)
    {
        moduleRow.clear();
        for (int row = modules.eventStart(event); row < modules.eventEnd(event); row++)
        {
            moduleRow.put(modules.getInt(Modules.MODULE_ID, row), row);
        }
        final int start = cells.eventStart(event);
        final int n = cells.eventEnd(event) - start;
        if (order.length < n)
        {
            order = new long[2 * n];
        }
        for (int i = 0; i < n; i++)
        {
            order[i] = (long)cells.getInt(Cells.MODULE_ID, start + i) << 32 | i;
        }
        Arrays.sort(order, 0, n);
        int i = 0;
        while (i < n)
        {
            final int module = (int)(order[i] >>> 32);
            int j = i;
            while (j < n && (int)(order[j] >>> 32) == module)
            {
                j++;
            }
            final int geometryRow = moduleRow.get(module);
            if (geometryRow < 0)
            {
                throw new IllegalArgumentException("event " + cells.eventId(event) + ": cells on " + ModuleId.toString(module) +
                    " but the modules input has no geometry for it");
            }
            clusterModule(cells, start, i, j, modules, geometryRow, module, out);
            i = j;
        }
        for (int row = hits.eventStart(event); row < hits.eventEnd(event); row++)
        {
            out.add(hits.getLong(Spacepoints.HIT_ID, row), hits.getFloat(Spacepoints.X, row), hits.getFloat(Spacepoints.Y, row),
                hits.getFloat(Spacepoints.Z, row), hits.getInt(Spacepoints.MODULE_ID, row));
        }
    }

    /** How many clusters so far held cells of more than one simulated hit (lost hits, a measure of merging). */
    public long mergedHits()
    {
        return mergedHits;
    }

    private void clusterModule(final Table cells, final int start, final int from, final int to, final Table modules, final int geometryRow,
        final int module, final SpacepointBuffer out)
    {
        final int n = to - from;
        if (parent.length < n)
        {
            parent = new int[2 * n];
        }
        for (int a = 0; a < n; a++)
        {
            parent[a] = a;
        }
        for (int a = 0; a < n; a++)
        {
            final int rowA = start + (int)order[from + a];
            final int a0 = cells.getInt(Cells.CH0, rowA);
            final int a1 = cells.getInt(Cells.CH1, rowA);
            for (int b = a + 1; b < n; b++)
            {
                final int rowB = start + (int)order[from + b];
                if (Math.abs(cells.getInt(Cells.CH0, rowB) - a0) <= 1 && Math.abs(cells.getInt(Cells.CH1, rowB) - a1) <= 1)
                {
                    union(a, b);
                }
            }
        }
        final float pitchU = modules.getFloat(Modules.PITCH_U, geometryRow);
        final float pitchV = modules.getFloat(Modules.PITCH_V, geometryRow);
        final float halfU = modules.getFloat(Modules.HALF_U, geometryRow);
        final float halfV = modules.getFloat(Modules.HALF_V, geometryRow);
        for (int root = 0; root < n; root++)
        {
            if (find(root) != root)
            {
                continue;
            }
            double charge = 0;
            double sumU = 0;
            double sumV = 0;
            long bestHit = 0;
            long otherHit = 0;
            double bestValue = -1;
            for (int a = root; a < n; a++)
            {
                if (find(a) != root)
                {
                    continue;
                }
                final int row = start + (int)order[from + a];
                final double value = Math.max(cells.getFloat(Cells.VALUE, row), 1e-9);
                charge += value;
                sumU += value * (cells.getInt(Cells.CH0, row) + 0.5);
                sumV += value * (cells.getInt(Cells.CH1, row) + 0.5);
                final long hit = cells.getLong(Cells.HIT_ID, row);
                if (value > bestValue)
                {
                    if (bestHit != 0 && bestHit != hit)
                    {
                        otherHit = bestHit;
                    }
                    bestValue = value;
                    bestHit = hit;
                }
                else if (hit != bestHit)
                {
                    otherHit = hit;
                }
            }
            if (otherHit != 0)
            {
                mergedHits++;
            }
            final double u = sumU / charge * pitchU - halfU;
            final double v = sumV / charge * pitchV - halfV;
            out.add(bestHit, global(modules, geometryRow, 0, u, v), global(modules, geometryRow, 1, u, v),
                global(modules, geometryRow, 2, u, v), module);
        }
    }

    private static double global(final Table modules, final int row, final int axis, final double u, final double v)
    {
        return modules.getFloat(Modules.CX + axis, row) + modules.getFloat(Modules.ROT_XU + 3 * axis, row) * u +
            modules.getFloat(Modules.ROT_XV + 3 * axis, row) * v;
    }

    private int find(final int a)
    {
        int x = a;
        while (parent[x] != x)
        {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    private void union(final int a, final int b)
    {
        final int ra = find(a);
        final int rb = find(b);
        if (ra != rb)
        {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }
}
