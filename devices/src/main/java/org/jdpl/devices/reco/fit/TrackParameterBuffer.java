package org.jdpl.devices.reco.fit;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.function.LongFunction;

import org.jdpl.devices.reco.event.Table;
import org.jdpl.devices.reco.event.Tracks;

/** Growable fitted-track rows for a timeframe, written out as one {@link Tracks} table. Reused. */
public final class TrackParameterBuffer
{
    private static final int FLOATS = Tracks.CHI2_NDF - Tracks.PT + 1;

    private final Table table = new Table(Tracks.LAYOUT);
    private long[] eventIds = new long[8];
    private int[] rowsPerEvent = new int[8];
    private int events;
    private int count;
    private int[] ints = new int[3 * 256];
    private float[] floats = new float[FLOATS * 256];

    public void clear()
    {
        events = 0;
        count = 0;
    }

    public void beginEvent(final long eventId)
    {
        if (events == eventIds.length)
        {
            eventIds = Arrays.copyOf(eventIds, 2 * events);
            rowsPerEvent = Arrays.copyOf(rowsPerEvent, 2 * events);
        }
        eventIds[events] = eventId;
        rowsPerEvent[events++] = 0;
    }

    /** Adds a row; {@code values} holds pt, eta, phi, d0, z0, their sigmas, chi2/ndf (in {@link Tracks} column order). */
    public void add(final int track, final int nHits, final int charge, final double[] values)
    {
        if (3 * (count + 1) > ints.length)
        {
            ints = Arrays.copyOf(ints, 2 * ints.length);
            floats = Arrays.copyOf(floats, 2 * floats.length);
        }
        ints[3 * count] = track;
        ints[3 * count + 1] = nHits;
        ints[3 * count + 2] = charge;
        for (int k = 0; k < FLOATS; k++)
        {
            floats[FLOATS * count + k] = (float)values[k];
        }
        count++;
        rowsPerEvent[events - 1]++;
    }

    public int size()
    {
        return count;
    }

    /** The value of column {@code column} (a float column of {@link Tracks}) of row {@code row}. */
    public float get(final int row, final int column)
    {
        return floats[FLOATS * row + column - Tracks.PT];
    }

    public void writeTo(final LongFunction<MemorySegment> allocate)
    {
        table.create(allocate.apply(Table.sizeBytes(Tracks.LAYOUT, events, count)), Arrays.copyOf(eventIds, events),
            Arrays.copyOf(rowsPerEvent, events));
        for (int i = 0; i < count; i++)
        {
            table.setInt(Tracks.TRACK, i, ints[3 * i]);
            table.setInt(Tracks.N_HITS, i, ints[3 * i + 1]);
            table.setInt(Tracks.CHARGE, i, ints[3 * i + 2]);
            for (int k = 0; k < FLOATS; k++)
            {
                table.setFloat(Tracks.PT + k, i, floats[FLOATS * i + k]);
            }
        }
    }
}
