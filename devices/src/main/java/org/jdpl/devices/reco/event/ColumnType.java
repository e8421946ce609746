package org.jdpl.devices.reco.event;

/** The element type of one table column. */
public enum ColumnType
{
    INT(4),
    LONG(8),
    FLOAT(4);

    private final int sizeBytes;

    ColumnType(final int sizeBytes)
    {
        this.sizeBytes = sizeBytes;
    }

    public int sizeBytes()
    {
        return sizeBytes;
    }
}
