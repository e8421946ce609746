package org.jdpl.devices.reco.event;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.function.LongFunction;

/** Growable spacepoint columns for a whole timeframe, written out as one {@link Spacepoints} table. Reused across timeframes. */
public final class SpacepointBuffer
{
    private final Table table = new Table(Spacepoints.LAYOUT);
    private long[] eventIds = new long[8];
    private int[] rowsPerEvent = new int[8];
    private int events;
    private int count;
    private long[] hitId = new long[1024];
    private float[] xyz = new float[3 * 1024];
    private int[] moduleId = new int[1024];

    public void clear()
    {
        events = 0;
        count = 0;
    }

    /** Starts the next event; following {@link #add}s belong to it. */
    public void beginEvent(final long eventId)
    {
        if (events == eventIds.length)
        {
            eventIds = Arrays.copyOf(eventIds, 2 * events);
            rowsPerEvent = Arrays.copyOf(rowsPerEvent, 2 * events);
        }
        eventIds[events] = eventId;
        rowsPerEvent[events] = 0;
        events++;
    }

    public void add(final long hit, final double x, final double y, final double z, final int module)
    {
        if (count == hitId.length)
        {
            final int n = 2 * count;
            hitId = Arrays.copyOf(hitId, n);
            xyz = Arrays.copyOf(xyz, 3 * n);
            moduleId = Arrays.copyOf(moduleId, n);
        }
        hitId[count] = hit;
        xyz[3 * count] = (float)x;
        xyz[3 * count + 1] = (float)y;
        xyz[3 * count + 2] = (float)z;
        moduleId[count] = module;
        count++;
        rowsPerEvent[events - 1]++;
    }

    public int size()
    {
        return count;
    }

    /** Writes the table into memory of the right size from {@code allocate} (e.g. {@code size -> outputs.make(label, size)}). */
    public void writeTo(final LongFunction<MemorySegment> allocate)
    {
        final MemorySegment target = allocate.apply(Table.sizeBytes(Spacepoints.LAYOUT, events, count));
        table.create(target, Arrays.copyOf(eventIds, events), Arrays.copyOf(rowsPerEvent, events));
        for (int i = 0; i < count; i++)
        {
            table.setLong(Spacepoints.HIT_ID, i, hitId[i]);
            table.setFloat(Spacepoints.X, i, xyz[3 * i]);
            table.setFloat(Spacepoints.Y, i, xyz[3 * i + 1]);
            table.setFloat(Spacepoints.Z, i, xyz[3 * i + 2]);
            table.setInt(Spacepoints.MODULE_ID, i, moduleId[i]);
        }
    }
}
