package org.jdpl.devices.reco.event;

import java.util.List;

/**
 * The description of one table kind: id, version, name and columns. Written once per kind (see
 * {@link Cells}, {@link Spacepoints}, ...); its {@link #schemaHash()} goes into every payload header so a
 * reader detects a producer built against another description.
 */
public record Layout(int id, int version, String name, List<Column> columns)
{
    public Layout
    {
        columns = List.copyOf(columns);
    }

    public static Layout of(final int id, final int version, final String name, final Column... columns)
    {
        return new Layout(id, version, name, List.of(columns));
    }

    public int columnCount()
    {
        return columns.size();
    }

    public ColumnType type(final int column)
    {
        return columns.get(column).type();
    }

    /** A 64-bit FNV-1a hash of the column names and types, in order. */
    public long schemaHash()
    {
        long hash = 0xcbf29ce484222325L;
        for (final Column column : columns)
        {
            final String text = column.name() + ':' + column.type().name() + ';';
            for (int i = 0; i < text.length(); i++)
            {
                hash ^= text.charAt(i);
                hash *= 0x100000001b3L;
            }
        }
        return hash;
    }

    @Override
    public String toString()
    {
        return name + " v" + version + " (layout id " + id + ")";
    }
}
