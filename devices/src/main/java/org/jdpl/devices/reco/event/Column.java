package org.jdpl.devices.reco.event;

/** One named, typed column of a {@link Layout}. */
public record Column(String name, ColumnType type)
{
    public static Column ofInt(final String name)
    {
        return new Column(name, ColumnType.INT);
    }

    public static Column ofLong(final String name)
    {
        return new Column(name, ColumnType.LONG);
    }

    public static Column ofFloat(final String name)
    {
        return new Column(name, ColumnType.FLOAT);
    }
}
