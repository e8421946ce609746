package org.jdpl.devices.reco.event;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A zero-copy view of one columnar table in payload memory: a header, the timeframe's event ids with
 * each event's row range, the column offsets, then the columns. Rows are grouped by event.
 *
 * <pre>
 *  0  int   magic 'RTBL'           4  short layout id     6  short layout version
 *  8  int   column count          12  int   event count  16  long  row count
 * 24  long  total bytes           32  long  schema hash (names and types of the columns)
 * 40  long[eventCount]     event ids
 *     long[eventCount + 1] first row of each event, then the row count
 *     long[columnCount]    byte offset of each column (8-aligned)
 * </pre>
 *
 * {@link #wrap} checks all of that against the expected {@link Layout}; {@link #create} writes it,
 * with the alignment padding after each column zeroed, so a table's bytes depend on its content only.
 * The writer must then set every row of every column: the memory it writes into is not cleared
 * (see {@code Outputs.make}).
 * A Table is a flyweight: {@code wrap}/{@code create} re-point it, so one instance serves every message.
 */
public final class Table
{
    public static final int MAGIC = 'R' | 'T' << 8 | 'B' << 16 | 'L' << 24;
    static final int HEADER_BYTES = 40;

    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;
    private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED;
    private static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED;

    private final Layout layout;
    private final long[] columnOffset;
    private MemorySegment segment = MemorySegment.NULL;
    private int eventCount;
    private long rowCount;

    public Table(final Layout layout)
    {
        this.layout = layout;
        this.columnOffset = new long[layout.columnCount()];
    }

    /** The payload size of a table of this layout with {@code eventCount} events and {@code rowCount} rows. */
    public static long sizeBytes(final Layout layout, final int eventCount, final long rowCount)
    {
        long size = dataStart(layout, eventCount);
        for (final Column column : layout.columns())
        {
            size = align8(size + column.type().sizeBytes() * rowCount);
        }
        return size;
    }

    /**
     * Writes the header into {@code target} (of at least {@link #sizeBytes} bytes) and points this view at it.
     * Event {@code e} gets rows {@code [sum(rowsPerEvent[0..e)), +rowsPerEvent[e])}; the columns are then
     * filled with the setters, every row of every column, since {@code target} may hold stale bytes.
     * The padding between columns is zeroed here.
     */
    public Table create(final MemorySegment target, final long[] eventIds, final int[] rowsPerEvent)
    {
        final int events = eventIds.length;
        long rows = 0;
        for (int e = 0; e < events; e++)
        {
            rows += rowsPerEvent[e];
        }
        final long size = sizeBytes(layout, events, rows);
        if (target.byteSize() < size)
        {
            throw new IllegalArgumentException(layout + ": target of " + target.byteSize() + " bytes, needs " + size);
        }
        target.set(INT, 0, MAGIC);
        target.set(SHORT, 4, (short)layout.id());
        target.set(SHORT, 6, (short)layout.version());
        target.set(INT, 8, layout.columnCount());
        target.set(INT, 12, events);
        target.set(LONG, 16, rows);
        target.set(LONG, 24, size);
        target.set(LONG, 32, layout.schemaHash());
        long at = HEADER_BYTES;
        for (int e = 0; e < events; e++, at += 8)
        {
            target.set(LONG, at, eventIds[e]);
        }
        long start = 0;
        for (int e = 0; e < events; e++, at += 8)
        {
            target.set(LONG, at, start);
            start += rowsPerEvent[e];
        }
        target.set(LONG, at, start);
        at += 8;
        long offset = dataStart(layout, events);
        for (int c = 0; c < layout.columnCount(); c++, at += 8)
        {
            target.set(LONG, at, offset);
            final long columnEnd = offset + layout.type(c).sizeBytes() * rows;
            offset = align8(columnEnd);
            zeroPadding(target, columnEnd, offset);
        }
        return wrap(target);
    }

    /** Points this view at {@code payload}, checking the header; a mismatch is a {@link LayoutMismatchException}. */
    public Table wrap(final MemorySegment payload)
    {
        final long bytes = payload.byteSize();
        if (bytes < HEADER_BYTES)
        {
            throw mismatch("payload of " + bytes + " bytes is shorter than a table header (" + HEADER_BYTES + ")");
        }
        final int magic = payload.get(INT, 0);
        if (magic != MAGIC)
        {
            throw mismatch(String.format("payload does not start with a table header (magic 0x%08x, expected 0x%08x)", magic, MAGIC));
        }
        final int id = payload.get(SHORT, 4);
        final int version = payload.get(SHORT, 6);
        if (id != layout.id() || version != layout.version())
        {
            throw mismatch("payload holds layout id " + id + " version " + version + ", not " + layout.id() + " version " + layout.version() +
                " (is the input bound to the right producer output?)");
        }
        final int columns = payload.get(INT, 8);
        if (columns != layout.columnCount() || payload.get(LONG, 32) != layout.schemaHash())
        {
            throw mismatch("payload's columns differ from this build's description (" + columns + " columns, schema hash mismatch); " +
                "producer and consumer were built from different versions");
        }
        final int events = payload.get(INT, 12);
        final long rows = payload.get(LONG, 16);
        final long total = payload.get(LONG, 24);
        if (events < 0 || rows < 0 || total > bytes || total != sizeBytes(layout, events, rows))
        {
            throw mismatch("header says " + events + " events, " + rows + " rows, " + total + " bytes, but the payload has " + bytes + " bytes");
        }
        this.segment = payload;
        this.eventCount = events;
        this.rowCount = rows;
        long at = HEADER_BYTES + 8L * (2L * events + 1);
        for (int c = 0; c < columnOffset.length; c++, at += 8)
        {
            columnOffset[c] = payload.get(LONG, at);
        }
        return this;
    }

    public Layout layout()
    {
        return layout;
    }

    public int eventCount()
    {
        return eventCount;
    }

    public long rowCount()
    {
        return rowCount;
    }

    public long eventId(final int event)
    {
        return segment.get(LONG, HEADER_BYTES + 8L * event);
    }

    /** The first row of {@code event}. */
    public int eventStart(final int event)
    {
        return (int)segment.get(LONG, HEADER_BYTES + 8L * (eventCount + event));
    }

    /** One past the last row of {@code event}. */
    public int eventEnd(final int event)
    {
        return eventStart(event + 1);
    }

    public int getInt(final int column, final int row)
    {
        return segment.get(INT, columnOffset[column] + 4L * row);
    }

    public long getLong(final int column, final int row)
    {
        return segment.get(LONG, columnOffset[column] + 8L * row);
    }

    public float getFloat(final int column, final int row)
    {
        return segment.get(FLOAT, columnOffset[column] + 4L * row);
    }

    public void setInt(final int column, final int row, final int value)
    {
        segment.set(INT, columnOffset[column] + 4L * row, value);
    }

    public void setLong(final int column, final int row, final long value)
    {
        segment.set(LONG, columnOffset[column] + 8L * row, value);
    }

    public void setFloat(final int column, final int row, final float value)
    {
        segment.set(FLOAT, columnOffset[column] + 4L * row, value);
    }

    /** The timeframe's event ids, in order. */
    public long[] eventIds()
    {
        final long[] ids = new long[eventCount];
        for (int e = 0; e < eventCount; e++)
        {
            ids[e] = eventId(e);
        }
        return ids;
    }

    /**
     * Payload memory is handed out as it was left (a reused segment block or send buffer), so the
     * padding after a column would otherwise carry stale bytes of some earlier message: the same
     * table would then be different bytes each time, and a byte-wise comparison or checksum would
     * fail on it. At most 7 bytes per column; a byte loop creates no view object per message.
     */
    private static void zeroPadding(final MemorySegment target, final long from, final long to)
    {
        for (long at = from; at < to; at++)
        {
            target.set(ValueLayout.JAVA_BYTE, at, (byte)0);
        }
    }

    private static long dataStart(final Layout layout, final int eventCount)
    {
        return align8(HEADER_BYTES + 8L * (2L * eventCount + 1) + 8L * layout.columnCount());
    }

    private static long align8(final long value)
    {
        return (value + 7) & ~7L;
    }

    private LayoutMismatchException mismatch(final String what)
    {
        return new LayoutMismatchException("expected a " + layout + " table: " + what);
    }
}
