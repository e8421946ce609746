package org.jdpl.transport.inprocess;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import org.agrona.BitUtil;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

/**
 * The in-process channel into one consumer: a many-to-one ring (Agrona's
 * {@link ManyToOneRingBuffer}) in off-heap memory this ring owns, written by every producer thread of
 * the process group that feeds the consumer and read by the consumer's thread alone. Writing copies
 * the message bytes once into the ring, as an Aeron IPC offer would; reading hands the consumer a
 * view of them in place. Neither allocates. A full ring refuses the message ({@link #offer} returns
 * false): that is back-pressure, and the producer waits and offers again.
 *
 * <p>Closed by whoever opened it, after every producer and the consumer have stopped using it.
 */
public final class InProcessRing implements AutoCloseable
{
    /** The one message type written; the ring's own padding records use another. */
    public static final int MESSAGE_TYPE_ID = 1;
    /** Smallest ring accepted: room for a few header blocks and small payloads. */
    public static final int MIN_CAPACITY_BYTES = 4096;

    private final Arena arena = Arena.ofShared();
    private final ManyToOneRingBuffer ring;
    private final String name;

    /**
     * @param name          what the ring feeds, for messages ({@code "fitter"})
     * @param capacityBytes data capacity, a power of two; a message may take at most an eighth of it
     */
    public InProcessRing(final String name, final int capacityBytes)
    {
        if (capacityBytes < MIN_CAPACITY_BYTES || !BitUtil.isPowerOfTwo(capacityBytes))
        {
            throw new IllegalArgumentException("in-process ring '" + name + "': capacity must be a power of two of at least " +
                MIN_CAPACITY_BYTES + " bytes, was " + capacityBytes);
        }
        this.name = name;
        // Zeroed, as the ring requires; off-heap so that closing frees it now, not at some later GC.
        final MemorySegment memory = arena.allocate(capacityBytes + RingBufferDescriptor.TRAILER_LENGTH, BitUtil.CACHE_LINE_LENGTH);
        this.ring = new ManyToOneRingBuffer(new UnsafeBuffer(memory.address(), (int)memory.byteSize()));
    }

    /**
     * Writes one whole message; false when the ring has no room for it now (back-pressure). Safe
     * from any number of producer threads at once.
     *
     * @throws IllegalArgumentException when {@code length} exceeds {@link #maxMessageLength()}
     */
    public boolean offer(final DirectBuffer buffer, final int offset, final int length)
    {
        return ring.write(MESSAGE_TYPE_ID, buffer, offset, length);
    }

    /**
     * Hands up to {@code limit} messages, oldest first, to {@code handler} as
     * {@code (MESSAGE_TYPE_ID, buffer, offset, length)}; the view is valid during the call only.
     * Consumer thread only. Returns how many were read.
     */
    public int poll(final MessageHandler handler, final int limit)
    {
        // One read stops at the end of the buffer (where padding fills the gap); a second goes on from its start.
        final int read = ring.read(handler, limit);
        return read < limit ? read + ring.read(handler, limit - read) : read;
    }

    /** The largest message one offer takes. */
    public int maxMessageLength()
    {
        return ring.maxMsgLength();
    }

    /** Data capacity in bytes. */
    public int capacityBytes()
    {
        return ring.capacity();
    }

    /** Bytes written and not yet read. */
    public int sizeBytes()
    {
        return ring.size();
    }

    public String name()
    {
        return name;
    }

    @Override
    public void close()
    {
        arena.close();
    }

    @Override
    public String toString()
    {
        return "in-process ring to " + name;
    }
}
