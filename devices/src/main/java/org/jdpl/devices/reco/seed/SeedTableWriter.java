package org.jdpl.devices.reco.seed;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.function.LongFunction;

import org.jdpl.devices.reco.event.EventSpacepoints;
import org.jdpl.devices.reco.event.Seeds;
import org.jdpl.devices.reco.event.Table;

/** Collects each event's seeds (as timeframe spacepoint rows) and writes one {@link Seeds} table. Reused. */
public final class SeedTableWriter
{
    private final Table table = new Table(Seeds.LAYOUT);
    private long[] eventIds = new long[8];
    private int[] rowsPerEvent = new int[8];
    private int events;
    private final SeedBuffer all = new SeedBuffer();

    public void clear()
    {
        events = 0;
        all.clear();
    }

    public void addEvent(final EventSpacepoints sp, final SeedBuffer seeds)
    {
        if (events == eventIds.length)
        {
            eventIds = Arrays.copyOf(eventIds, 2 * events);
            rowsPerEvent = Arrays.copyOf(rowsPerEvent, 2 * events);
        }
        eventIds[events] = sp.eventId;
        rowsPerEvent[events++] = seeds.size;
        for (int s = 0; s < seeds.size; s++)
        {
            all.add(sp.firstRow + seeds.bottom[s], sp.firstRow + seeds.middle[s], sp.firstRow + seeds.top[s], seeds.quality[s]);
        }
    }

    public void writeTo(final LongFunction<MemorySegment> allocate)
    {
        table.create(allocate.apply(Table.sizeBytes(Seeds.LAYOUT, events, all.size)), Arrays.copyOf(eventIds, events),
            Arrays.copyOf(rowsPerEvent, events));
        for (int i = 0; i < all.size; i++)
        {
            table.setInt(Seeds.BOTTOM, i, all.bottom[i]);
            table.setInt(Seeds.MIDDLE, i, all.middle[i]);
            table.setInt(Seeds.TOP, i, all.top[i]);
            table.setFloat(Seeds.QUALITY, i, all.quality[i]);
        }
    }

    /** Loads event {@code event} of a seeds table into {@code out} as event indices (rows minus the event's first spacepoint row). */
    public static void read(final Table seeds, final int event, final int firstSpacepointRow, final SeedBuffer out)
    {
        out.clear();
        for (int row = seeds.eventStart(event); row < seeds.eventEnd(event); row++)
        {
            out.add(seeds.getInt(Seeds.BOTTOM, row) - firstSpacepointRow, seeds.getInt(Seeds.MIDDLE, row) - firstSpacepointRow,
                seeds.getInt(Seeds.TOP, row) - firstSpacepointRow, seeds.getFloat(Seeds.QUALITY, row));
        }
    }
}
