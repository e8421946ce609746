package org.jdpl.framework.testing;

import java.lang.foreign.MemorySegment;

import org.jdpl.framework.spec.DataSpec;

/** One message a device sent: on which output, with which spec, for which timeslice, and a copy of its payload. */
public record Message(String label, DataSpec spec, long timeslice, byte[] payload)
{
    /** The payload as a (heap) segment, to read with value layouts. */
    public MemorySegment segment()
    {
        return MemorySegment.ofArray(payload);
    }

    @Override
    public String toString()
    {
        return label + ":" + spec + " timeslice " + timeslice + ", " + payload.length + " bytes";
    }
}
