package org.jdpl.tools.bench;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.YieldingWaitStrategy;
import org.agrona.BitUtil;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.jdpl.transport.inprocess.InProcessRing;

/**
 * The in-process ring of a process group as it would be on LMAX Disruptor: a multi-producer ring
 * buffer of fixed slots, each a message's length over a slot of off-heap memory (so a message is
 * copied once, as into {@link InProcessRing}), read by the consumer through an {@link EventPoller}
 * (a poll, as the runner's duty cycle needs, not a thread of Disruptor's own). Kept in the benchmark
 * only: measured against the Agrona ring, it lost (docs/architecture.md, "Packages on trial").
 */
final class DisruptorRing implements InProcessRingBench.Ring, EventPoller.Handler<DisruptorRing.Slot>
{
    /** One slot's message length; the bytes are at the slot's place in {@link #data}. */
    static final class Slot
    {
        int length;
    }

    private final Arena arena = Arena.ofShared();
    private final RingBuffer<Slot> ring;
    private final EventPoller<Slot> poller;
    private final UnsafeBuffer data;
    private final int slotBytes;
    private final int mask;
    private MessageHandler handler;
    private int limit;
    private int read;

    DisruptorRing(final int capacityBytes, final int messageBytes)
    {
        this.slotBytes = BitUtil.findNextPositivePowerOfTwo(BitUtil.align(messageBytes, 8));
        final int slots = Math.max(2, capacityBytes / slotBytes);
        this.mask = slots - 1;
        final MemorySegment memory = arena.allocate((long)slots * slotBytes, BitUtil.CACHE_LINE_LENGTH);
        this.data = new UnsafeBuffer(memory.address(), (int)memory.byteSize());
        this.ring = RingBuffer.createMultiProducer(Slot::new, slots, new YieldingWaitStrategy());
        this.poller = ring.newPoller();
        ring.addGatingSequences(poller.getSequence());
    }

    @Override
    public boolean offer(final DirectBuffer buffer, final int offset, final int length)
    {
        final long sequence;
        try
        {
            sequence = ring.tryNext();
        }
        catch (final InsufficientCapacityException full)
        {
            return false; // a preallocated exception: back-pressure costs no allocation
        }
        data.putBytes((int)(sequence & mask) * slotBytes, buffer, offset, length);
        ring.get(sequence).length = length;
        ring.publish(sequence);
        return true;
    }

    @Override
    public int poll(final MessageHandler handler, final int limit)
    {
        this.handler = handler;
        this.limit = limit;
        this.read = 0;
        try
        {
            poller.poll(this);
        }
        catch (final Exception e)
        {
            throw new IllegalStateException(e);
        }
        return read;
    }

    @Override
    public boolean onEvent(final Slot slot, final long sequence, final boolean endOfBatch)
    {
        handler.onMessage(InProcessRing.MESSAGE_TYPE_ID, data, (int)(sequence & mask) * slotBytes, slot.length);
        return ++read < limit;
    }

    @Override
    public void close()
    {
        arena.close();
    }
}
