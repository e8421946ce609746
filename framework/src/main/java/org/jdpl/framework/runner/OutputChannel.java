package org.jdpl.framework.runner;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import io.aeron.Publication;
import org.agrona.concurrent.UnsafeBuffer;
import org.jdpl.framework.spec.OutputSpec;
import org.jdpl.transport.MessageEncoder;
import org.jdpl.transport.MessageLayout;

/**
 * One output label: a reusable send buffer whose header block is written once, the payload region
 * the device fills in place, and the publications of every route (one per consumer replica). A
 * message is offered straight from this buffer, header and payload together, without a copy.
 */
final class OutputChannel
{
    private static final long MIN_CAPACITY_BYTES = 4096;
    private static final long ALIGNMENT_BYTES = 64;

    private final String device;
    private final OutputSpec spec;
    private final Publication[][] routeTargets;
    private final int maxPayloadBytes;
    private final Arena arena;
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[0]);
    private final MessageEncoder encoder = new MessageEncoder();
    private MemorySegment memory = MemorySegment.NULL;
    private MemorySegment view = MemorySegment.NULL;
    private long viewSize = -1;
    private boolean made;

    /**
     * @param routeTargets    per route of this output, the publication of each consumer replica
     * @param maxPayloadBytes the largest payload one message can carry
     */
    OutputChannel(
        final String device,
        final OutputSpec spec,
        final Publication[][] routeTargets,
        final int maxPayloadBytes,
        final Arena arena)
    {
        this.device = device;
        this.spec = spec;
        this.routeTargets = routeTargets;
        this.maxPayloadBytes = maxPayloadBytes;
        this.arena = arena;
    }

    String label()
    {
        return spec.label();
    }

    boolean isMade()
    {
        return made;
    }

    MemorySegment make(final long sizeBytes)
    {
        if (made)
        {
            throw new IllegalStateException("device '" + device + "' made output '" + label() +
                "' twice in one timeslice; make each label once per call");
        }
        if (sizeBytes < 0 || sizeBytes > maxPayloadBytes)
        {
            throw new IllegalArgumentException("device '" + device + "', output '" + label() + "': a payload of " + sizeBytes +
                " bytes does not fit in one message (at most " + maxPayloadBytes + " bytes until the payload segment " +
                "carries large payloads); make smaller payloads or raise the IPC term length of the run");
        }
        final long messageBytes = MessageLayout.PAYLOAD_OFFSET + sizeBytes;
        if (messageBytes > memory.byteSize())
        {
            grow(messageBytes);
        }
        if (sizeBytes != viewSize)
        {
            view = memory.asSlice(MessageLayout.PAYLOAD_OFFSET, sizeBytes);
            viewSize = sizeBytes;
        }
        made = true;
        return view;
    }

    /** Sends what was made for {@code timeslice} on every route; returns the payload size sent. */
    long send(final long timeslice, final long creationEpochMs, final Offerer offerer)
    {
        made = false;
        encoder.stamp(viewSize, timeslice, creationEpochMs);
        final int length = (int)(MessageLayout.PAYLOAD_OFFSET + viewSize);
        for (final Publication[] replicas : routeTargets)
        {
            final Publication publication = replicas[(int)Long.remainderUnsigned(timeslice, replicas.length)];
            offerer.offer(publication, buffer, 0, length);
        }
        return viewSize;
    }

    /** Forgets what was made (the call that made it failed). */
    void discard()
    {
        made = false;
    }

    private void grow(final long messageBytes)
    {
        final long capacity = Math.max(MIN_CAPACITY_BYTES, Long.highestOneBit(messageBytes - 1) << 1);
        memory = arena.allocate(capacity, ALIGNMENT_BYTES);
        buffer.wrap(memory.address(), (int)capacity);
        encoder.wrap(buffer, 0).writeHeaderBlock(spec.spec().origin(), spec.spec().description(), spec.spec().subSpec());
        viewSize = -1;
    }
}
