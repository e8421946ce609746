package org.jdpl.framework.device;

import java.lang.foreign.MemorySegment;

/**
 * The outputs of one timeslice, by label. {@link #make} hands out a writable region that the device
 * fills in place: small payloads live in a transport buffer, large ones in the shared payload
 * segment, and the device cannot tell. Everything made is sent when the call returns.
 */
public interface Outputs
{
    /**
     * A writable region of exactly {@code sizeBytes} for {@code label}, sent when the call returns.
     * Its contents are not cleared: it is a reused send buffer or a payload-segment block another
     * message just freed, so it holds stale bytes. Write every byte of it, padding included (or ask
     * only for what you write); a byte left unwritten makes equal results differ between runs and
     * between replicas. The framework does not zero it because that would write each payload twice.
     */
    MemorySegment make(String label, long sizeBytes);

    /**
     * As {@link #make(String, long)} for the output at {@code position} among this device's outputs
     * ({@link DeviceInfo#outputSpecs()}): the label looked up once ({@link DeviceInfo#outputPosition}).
     */
    MemorySegment make(int position, long sizeBytes);

    /** Sends {@code input}'s payload on the output at {@code position}, as {@link #forward(String, Input)}. */
    void forward(int position, Input input);

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
