package org.jdpl.devices.reco.score;

import java.util.Arrays;

import org.agrona.collections.Long2LongHashMap;
import org.jdpl.devices.reco.event.Table;
import org.jdpl.devices.reco.event.TrackHits;

/**
 * One event's track hits in (track, row) order, and each hit's one track as a TrackML submission has it:
 * of the tracks holding a hit, the lowest-numbered. The scorer and the track writer both go by this, so a
 * written submission scores as the chain scored its tracks. Buffers are reused between events.
 */
public final class HitOwnership
{
    private final Long2LongHashMap trackOfHit = new Long2LongHashMap(-1);
    private long[] order = new long[1024];
    private int start;
    private int size;

    /** Orders the rows of event {@code event} of {@code trackHits} and gives each hit its track. */
    public void assign(final Table trackHits, final int event)
    {
        trackOfHit.clear();
        start = trackHits.eventStart(event);
        size = trackHits.eventEnd(event) - start;
        if (order.length < size)
        {
            order = new long[2 * size];
        }
        for (int i = 0; i < size; i++)
        {
            order[i] = (long)trackHits.getInt(TrackHits.TRACK, start + i) << 32 | i;
        }
        Arrays.sort(order, 0, size);
        for (int i = 0; i < size; i++)
        {
            final long hit = trackHits.getLong(TrackHits.HIT_ID, row(i));
            if (!trackOfHit.containsKey(hit))
            {
                trackOfHit.put(hit, track(i));
            }
        }
    }

    /** The number of track-hit rows of the event. */
    public int size()
    {
        return size;
    }

    /** The track of the {@code i}-th row in (track, row) order. */
    public int track(final int i)
    {
        return (int)(order[i] >> 32);
    }

    /** The table row of the {@code i}-th row in (track, row) order. */
    public int row(final int i)
    {
        return start + (int)order[i];
    }

    /** The track {@code hit} belongs to, or -1 when no track holds it. */
    public long trackOf(final long hit)
    {
        return trackOfHit.get(hit);
    }
}
