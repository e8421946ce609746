package org.jdpl.framework.device;

import java.lang.foreign.MemorySegment;

/**
 * The outputs of one timeslice, by label. {@link #make} hands out a writable region that the device
 * fills in place: small payloads live in a transport buffer, large ones in the shared payload
 * segment, and the device cannot tell. Everything made is sent when the call returns.
 */
public interface Outputs
{
    /** A writable region of exactly {@code sizeBytes} for {@code label}, sent when the call returns. */
    MemorySegment make(String label, long sizeBytes);

    /** Sends a copy of {@code data} on {@code label}. */
    default void snapshot(final String label, final MemorySegment data)
    {
        MemorySegment.copy(data, 0, make(label, data.byteSize()), 0, data.byteSize());
    }

    /** Sends {@code input}'s payload on {@code label}, unchanged (without a copy where the transport allows). */
    default void forward(final String label, final Input input)
    {
        snapshot(label, input.payload());
    }
}
