package org.jdpl.devices.reco.find;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.function.LongFunction;

import org.jdpl.devices.reco.event.EventSpacepoints;
import org.jdpl.devices.reco.event.Table;
import org.jdpl.devices.reco.event.TrackHits;

/** Hit-to-track assignments of a timeframe, grouped by event then track, written as one {@link TrackHits} table. Reused. */
public final class TrackHitBuffer
{
    private final Table table = new Table(TrackHits.LAYOUT);
    private long[] eventIds = new long[8];
    private int[] rowsPerEvent = new int[8];
    private int events;
    private int count;
    private int[] track = new int[4096];
    private int[] spacepoint = new int[4096];
    private long[] hitId = new long[4096];

    public void clear()
    {
        events = 0;
        count = 0;
    }

    /** Appends the event's tracks; spacepoint references become timeframe rows. */
    public void addEvent(final EventSpacepoints sp, final TrackCandidates tracks)
    {
        if (events == eventIds.length)
        {
            eventIds = Arrays.copyOf(eventIds, 2 * events);
            rowsPerEvent = Arrays.copyOf(rowsPerEvent, 2 * events);
        }
        eventIds[events] = sp.eventId;
        rowsPerEvent[events] = tracks.hitCount();
        events++;
        if (count + tracks.hitCount() > track.length)
        {
            final int n = 2 * (count + tracks.hitCount());
            track = Arrays.copyOf(track, n);
            spacepoint = Arrays.copyOf(spacepoint, n);
            hitId = Arrays.copyOf(hitId, n);
        }
        for (int t = 0; t < tracks.size(); t++)
        {
            for (int k = tracks.start(t); k < tracks.end(t); k++)
            {
                final int i = tracks.hit(k);
                track[count] = t;
                spacepoint[count] = sp.firstRow + i;
                hitId[count] = sp.hitId[i];
                count++;
            }
        }
    }

    public void writeTo(final LongFunction<MemorySegment> allocate)
    {
        table.create(allocate.apply(Table.sizeBytes(TrackHits.LAYOUT, events, count)), Arrays.copyOf(eventIds, events),
            Arrays.copyOf(rowsPerEvent, events));
        for (int i = 0; i < count; i++)
        {
            table.setInt(TrackHits.TRACK, i, track[i]);
            table.setInt(TrackHits.SPACEPOINT, i, spacepoint[i]);
            table.setLong(TrackHits.HIT_ID, i, hitId[i]);
        }
    }
}
