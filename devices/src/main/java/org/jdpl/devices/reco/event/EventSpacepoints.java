package org.jdpl.devices.reco.event;

import java.util.Arrays;

import org.jdpl.devices.reco.geometry.ModuleId;

/**
 * One event's spacepoints copied out of a {@link Spacepoints} table into plain arrays, with r and phi
 * precomputed: the working set of seeding, finding and fitting. {@code row} is the spacepoint's row in
 * the timeframe table, the reference seeds and track hits carry. Reused between events.
 */
public final class EventSpacepoints
{
    public int size;
    public int firstRow;
    public long eventId;
    public double[] x = new double[1024];
    public double[] y = new double[1024];
    public double[] z = new double[1024];
    public double[] r = new double[1024];
    public double[] phi = new double[1024];
    public int[] moduleId = new int[1024];
    public long[] hitId = new long[1024];

    /** Loads event {@code event} of {@code spacepoints}. */
    public EventSpacepoints load(final Table spacepoints, final int event)
    {
        firstRow = spacepoints.eventStart(event);
        size = spacepoints.eventEnd(event) - firstRow;
        eventId = spacepoints.eventId(event);
        ensure(size);
        for (int i = 0; i < size; i++)
        {
            final int row = firstRow + i;
            x[i] = spacepoints.getFloat(Spacepoints.X, row);
            y[i] = spacepoints.getFloat(Spacepoints.Y, row);
            z[i] = spacepoints.getFloat(Spacepoints.Z, row);
            r[i] = Math.hypot(x[i], y[i]);
            phi[i] = Math.atan2(y[i], x[i]);
            moduleId[i] = spacepoints.getInt(Spacepoints.MODULE_ID, row);
            hitId[i] = spacepoints.getLong(Spacepoints.HIT_ID, row);
        }
        return this;
    }

    public int volume(final int i)
    {
        return ModuleId.volume(moduleId[i]);
    }

    public int layerKey(final int i)
    {
        return ModuleId.layerKey(moduleId[i]);
    }

    public boolean isBarrel(final int i)
    {
        return ModuleId.isBarrel(moduleId[i]);
    }

    private void ensure(final int n)
    {
        if (x.length < n)
        {
            final int c = 2 * n;
            x = Arrays.copyOf(x, c);
            y = Arrays.copyOf(y, c);
            z = Arrays.copyOf(z, c);
            r = Arrays.copyOf(r, c);
            phi = Arrays.copyOf(phi, c);
            moduleId = Arrays.copyOf(moduleId, c);
            hitId = Arrays.copyOf(hitId, c);
        }
    }
}
