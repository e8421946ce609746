package org.jdpl.framework.device;

import java.lang.foreign.MemorySegment;

import org.jdpl.framework.spec.DataSpec;

/**
 * One received message of the current timeslice. Valid only during the call that received it; the
 * payload is a read-only view (zero-copy where the transport allows), never to be kept.
 */
public interface Input
{
    String label();

    /** The concrete spec the producer sent. */
    DataSpec spec();

    long timeslice();

    /** Read-only view of the payload bytes. */
    MemorySegment payload();

    default long payloadBytes()
    {
        return payload().byteSize();
    }
}
