package org.jdpl.framework.runner;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import org.agrona.concurrent.UnsafeBuffer;
import org.jdpl.framework.channel.Outlet;
import org.jdpl.framework.spec.OutputSpec;
import org.jdpl.transport.MessageEncoder;
import org.jdpl.transport.MessageLayout;
import org.jdpl.transport.segment.PayloadSegment;

/**
 * One output label: a reusable send buffer whose header block is written once, the payload region
 * the device fills in place, and the outlets of every route (one per consumer replica: an IPC publication or an in-process ring). A
 * message is offered straight from this buffer, header and payload together, without a copy.
 *
 * <p>With a payload segment, a payload larger than the inline threshold is made in a segment block
 * instead; the message then carries only its reference, and the block is published to the holder
 * bits of exactly the consumer replicas the message goes to, before it is offered.
 */
final class OutputChannel
{
    private static final long MIN_CAPACITY_BYTES = 4096;
    private static final long ALIGNMENT_BYTES = 64;

    private final String device;
    private final OutputSpec spec;
    private final Outlet[][] routeTargets;
    private final int maxPayloadBytes;
    private final Arena arena;
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[0]);
    private final MessageEncoder encoder = new MessageEncoder();
    private MemorySegment memory = MemorySegment.NULL;
    private MemorySegment view = MemorySegment.NULL;
    private long viewSize = -1;
    private boolean made;
    private SegmentAccess segment;
    private long inlineMaxBytes = Long.MAX_VALUE;
    private long[][] routeHolders;
    /** The block made or forwarded for this timeslice, or -1 when the payload is inline. */
    private long ref = -1;
    private boolean forwarded;
    private long refSize;
    private DurableRoutes durable;
    /** The consumer replicas on other hosts (null: none is). */
    private RemoteTargets remote;

    /**
     * @param routeTargets    per route of this output, the outlet to each consumer replica
     * @param maxPayloadBytes the largest payload one message can carry
     */
    OutputChannel(
        final String device,
        final OutputSpec spec,
        final Outlet[][] routeTargets,
        final int maxPayloadBytes,
        final Arena arena)
    {
        this.device = device;
        this.spec = spec;
        this.routeTargets = routeTargets;
        this.maxPayloadBytes = maxPayloadBytes;
        this.arena = arena;
    }

    /**
     * Lets payloads above {@code inlineMaxBytes} go through the payload segment.
     *
     * @param routeHolders per route, per consumer replica, that replica's holder bit
     */
    OutputChannel segment(final SegmentAccess segment, final long inlineMaxBytes, final long[][] routeHolders)
    {
        this.segment = segment;
        // A payload too large for one IPC message goes through the segment whatever the threshold says.
        this.inlineMaxBytes = Math.min(inlineMaxBytes, maxPayloadBytes);
        this.routeHolders = routeHolders;
        return this;
    }

    /**
     * Marks the consumer replicas on other hosts (per route, per replica, as {@code routeTargets}):
     * they get the payload bytes, in parts when large, never a segment reference.
     */
    OutputChannel remote(final boolean[][] remote)
    {
        this.remote = RemoteTargets.of(remote);
        return this;
    }

    /** Also appends every message to the queues of this output's durable routes. */
    OutputChannel durable(final DurableRoutes durable)
    {
        this.durable = durable;
        return this;
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
        if (segment != null && sizeBytes > inlineMaxBytes)
        {
            ensureHeaderBuffer();
            ref = segment.allocate(sizeBytes);
            refSize = sizeBytes;
            forwarded = false;
            made = true;
            return segment.writable(ref, sizeBytes);
        }
        if (sizeBytes < 0 || sizeBytes > maxPayloadBytes)
        {
            throw new IllegalArgumentException("device '" + device + "', output '" + label() + "': a payload of " + sizeBytes +
                " bytes does not fit in one message (at most " + maxPayloadBytes + " bytes) and this run has no payload " +
                "segment (it has more device processes than a segment has slots, " + (PayloadSegment.maxProcesses() - 1) +
                "); make smaller payloads or run fewer processes");
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

    /**
     * Passes on a received segment block without a copy; false when this output cannot (no segment,
     * or a consumer already holds the block), and the caller copies instead.
     */
    boolean forward(final long receivedRef, final long sizeBytes)
    {
        if (segment == null || made)
        {
            return false;
        }
        ensureHeaderBuffer();
        ref = receivedRef;
        refSize = sizeBytes;
        forwarded = true;
        made = true;
        return true;
    }

    /** Sends what was made for {@code timeslice} on every route; returns the payload size sent. */
    long send(final long timeslice, final long creationEpochMs, final Offerer offerer)
    {
        made = false;
        if (ref >= 0)
        {
            return sendRef(timeslice, creationEpochMs, offerer);
        }
        encoder.stamp(viewSize, timeslice, creationEpochMs);
        final int length = (int)(MessageLayout.PAYLOAD_OFFSET + viewSize);
        if (durable != null)
        {
            durable.append(timeslice, memory.address(), MessageLayout.PAYLOAD_OFFSET, memory.address() + MessageLayout.PAYLOAD_OFFSET, viewSize);
        }
        if (remote != null)
        {
            remote.begin();
        }
        for (int route = 0; route < routeTargets.length; route++)
        {
            final Outlet[] replicas = routeTargets[route];
            final int replica = (int)Long.remainderUnsigned(timeslice, replicas.length);
            if (remote != null && remote.isRemote(route, replica))
            {
                remote.sendOnce(replicas[replica], buffer, memory.address() + MessageLayout.PAYLOAD_OFFSET, viewSize, timeslice,
                    creationEpochMs, offerer);
            }
            else
            {
                offerer.offer(replicas[replica], buffer, 0, length);
            }
        }
        return viewSize;
    }

    private long sendRef(final long timeslice, final long creationEpochMs, final Offerer offerer)
    {
        final long sentRef = ref;
        final long sizeBytes = refSize;
        ref = -1;
        long holders = 0;
        for (int route = 0; route < routeTargets.length; route++)
        {
            final long[] replicaHolders = routeHolders[route];
            holders |= replicaHolders[(int)Long.remainderUnsigned(timeslice, replicaHolders.length)];
        }
        if (forwarded && !segment.share(sentRef, holders))
        {
            // A consumer already holds this block (it reaches it twice): it gets a copy instead.
            final MemorySegment source = segment.readOnly(sentRef, sizeBytes);
            final MemorySegment copy = make(sizeBytes);
            MemorySegment.copy(source, 0, copy, 0, sizeBytes);
            return send(timeslice, creationEpochMs, offerer);
        }
        if (durable != null)
        {
            // A queue holds bytes, not references: the header says inline, the payload is copied from the block.
            encoder.stamp(sizeBytes, timeslice, creationEpochMs);
            durable.append(timeslice, memory.address(), MessageLayout.PAYLOAD_OFFSET,
                segment.readOnly(sentRef, sizeBytes).address(), sizeBytes);
        }
        if (remote != null)
        {
            // Before publishing: a block no consumer of this host holds is free once published.
            sendRemote(sentRef, sizeBytes, timeslice, creationEpochMs, offerer);
        }
        if (!forwarded)
        {
            segment.publish(sentRef, holders);
        }
        final int length = encoder.stampSegmentRef(sentRef, sizeBytes, timeslice, creationEpochMs);
        for (int route = 0; route < routeTargets.length; route++)
        {
            final Outlet[] replicas = routeTargets[route];
            final int replica = (int)Long.remainderUnsigned(timeslice, replicas.length);
            if (remote == null || !remote.isRemote(route, replica))
            {
                offerer.offer(replicas[replica], buffer, 0, length);
            }
        }
        return sizeBytes;
    }

    private void sendRemote(final long sentRef, final long sizeBytes, final long timeslice, final long creationEpochMs,
        final Offerer offerer)
    {
        final long address = segment.readOnly(sentRef, sizeBytes).address();
        remote.begin();
        for (int route = 0; route < routeTargets.length; route++)
        {
            final Outlet[] replicas = routeTargets[route];
            final int replica = (int)Long.remainderUnsigned(timeslice, replicas.length);
            if (remote.isRemote(route, replica))
            {
                remote.sendOnce(replicas[replica], buffer, address, sizeBytes, timeslice, creationEpochMs, offerer);
            }
        }
    }

    /** Parts sent to other hosts for payloads larger than one message. */
    long partsSent()
    {
        return remote == null ? 0 : remote.partsSent();
    }

    /** Forgets what was made (the call that made it failed); a block made is freed. */
    void discard()
    {
        if (made && ref >= 0 && !forwarded)
        {
            segment.publish(ref, 0);
        }
        ref = -1;
        made = false;
    }

    private void ensureHeaderBuffer()
    {
        final long messageBytes = MessageLayout.PAYLOAD_OFFSET + MessageLayout.SEGMENT_REF_PAYLOAD_BYTES;
        if (messageBytes > memory.byteSize())
        {
            grow(messageBytes);
        }
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
