package org.jdpl.framework.runner;

import java.lang.foreign.Arena;
import java.util.ArrayDeque;
import java.util.List;

import org.agrona.DirectBuffer;
import org.jdpl.framework.plan.Completion;
import org.jdpl.framework.spec.DataSpec;
import org.jdpl.framework.spec.InputSpec;

/**
 * Gathers a device's received messages into timeslices and decides when each is complete:
 * <ul>
 *   <li>{@link Completion#ALL}: when every input required for completion has arrived (optional inputs
 *       that arrived by then are included); delivered in the order they complete;</li>
 *   <li>{@link Completion#ANY}: every message at once, alone;</li>
 *   <li>{@link Completion#ORDERED}: as ALL, but a timeslice waits while a smaller one already seen is
 *       still incomplete.</li>
 * </ul>
 * Payloads are copied into pooled memory the assembler owns (closed with it). Knows no transport:
 * it is fed (buffer, offset, length) and drained with {@link #deliver}.
 */
final class TimesliceAssembler implements AutoCloseable
{
    /** {@link #onMessage} results. */
    static final int ACCEPTED = 0;
    static final int DUPLICATE = 1;

    private final Completion completion;
    private final String[] labels;
    private final boolean[] required;
    private final Arena arena = Arena.ofShared();
    private final ArrayDeque<PendingTimeslice> pool = new ArrayDeque<>();
    /** Incomplete timeslices, sorted by timeslice id (ALL and ORDERED). */
    private PendingTimeslice[] pending = new PendingTimeslice[16];
    private int pendingCount;
    /** Complete timeslices waiting for {@link #deliver}, in delivery order. */
    private PendingTimeslice[] ready = new PendingTimeslice[16];
    private int readyHead;
    private int readyCount;
    private SegmentAccess segment;
    private DurableInputs.Queue originQueue;
    private long originIndex;

    TimesliceAssembler(final List<InputSpec> inputs, final Completion completion)
    {
        this.completion = completion;
        this.labels = new String[inputs.size()];
        this.required = new boolean[inputs.size()];
        for (int i = 0; i < labels.length; i++)
        {
            labels[i] = inputs.get(i).label();
            required[i] = inputs.get(i).lifetime().requiredForCompletion();
        }
    }

    /**
     * Takes one message of input {@code inputIndex}, copying its payload. Returns {@link #DUPLICATE}
     * (and keeps the first) when that input already arrived for a timeslice still being gathered.
     */
    int onMessage(
        final int inputIndex,
        final long timeslice,
        final DataSpec spec,
        final DirectBuffer buffer,
        final int offset,
        final int length)
    {
        if (completion == Completion.ANY)
        {
            final PendingTimeslice alone = acquire(timeslice);
            final PayloadSlot slot = alone.claim(inputIndex);
            slot.fill(timeslice, spec, buffer, offset, length);
        slot.origin(originQueue, originIndex);
            slot.origin(originQueue, originIndex);
            pushReady(alone);
            return ACCEPTED;
        }
        final int position = findOrInsert(timeslice);
        final PendingTimeslice entry = pending[position];
        final PayloadSlot slot = entry.claim(inputIndex);
        if (slot == null)
        {
            return DUPLICATE;
        }
        slot.fill(timeslice, spec, buffer, offset, length);
        slot.origin(originQueue, originIndex);
        if (completion == Completion.ALL && entry.isComplete())
        {
            removePending(position);
            pushReady(entry);
        }
        return ACCEPTED;
    }

    /** Receives segment-backed messages through {@code segment}. */
    TimesliceAssembler segment(final SegmentAccess segment)
    {
        this.segment = segment;
        return this;
    }

    /**
     * Takes one segment-backed message of input {@code inputIndex}: the block is held, not copied,
     * until its timeslice is done. A duplicate is released at once. Returns as {@link #onMessage}.
     */
    int onSegmentMessage(
        final int inputIndex,
        final long timeslice,
        final DataSpec spec,
        final long ref,
        final long sizeBytes)
    {
        segment.onReceived();
        if (completion == Completion.ANY)
        {
            final PendingTimeslice alone = acquire(timeslice);
            alone.claim(inputIndex).fillRef(timeslice, spec, segment, ref, sizeBytes);
            pushReady(alone);
            return ACCEPTED;
        }
        final int position = findOrInsert(timeslice);
        final PendingTimeslice entry = pending[position];
        final PayloadSlot slot = entry.claim(inputIndex);
        if (slot == null)
        {
            segment.release(ref);
            return DUPLICATE;
        }
        slot.fillRef(timeslice, spec, segment, ref, sizeBytes);
        if (completion == Completion.ALL && entry.isComplete())
        {
            removePending(position);
            pushReady(entry);
        }
        return ACCEPTED;
    }

    /** The durable queue and index of the messages fed next (null: shared memory), acknowledged when their timeslice is done. */
    void origin(final DurableInputs.Queue queue, final long index)
    {
        this.originQueue = queue;
        this.originIndex = index;
    }

    /** Whether a received segment reference is live and held by this process (else it is dropped as stale). */
    boolean acceptSegmentRef(final long ref)
    {
        return segment.acceptReceived(ref);
    }

    /** Whether this assembler can take segment-backed messages. */
    boolean hasSegment()
    {
        return segment != null;
    }

    /** Hands every deliverable timeslice to {@code handler}; returns how many. */
    int deliver(final TimesliceHandler handler) throws Exception
    {
        int delivered = 0;
        while (readyCount > 0)
        {
            final PendingTimeslice entry = ready[readyHead];
            ready[readyHead] = null;
            readyHead = (readyHead + 1) % ready.length;
            readyCount--;
            handler.onTimeslice(entry.timeslice(), entry);
            entry.clearAll();
            pool.push(entry);
            delivered++;
        }
        if (completion == Completion.ORDERED)
        {
            while (pendingCount > 0 && pending[0].isComplete())
            {
                final PendingTimeslice entry = pending[0];
                removePending(0);
                handler.onTimeslice(entry.timeslice(), entry);
                entry.clearAll();
                pool.push(entry);
                delivered++;
            }
        }
        return delivered;
    }

    /** Timeslices gathered but not complete (or, for ORDERED, complete but waiting). */
    int pendingCount()
    {
        return pendingCount;
    }

    /** The id of the i-th pending timeslice, in increasing order. */
    long pendingTimeslice(final int index)
    {
        return pending[index].timeslice();
    }

    /** Drops every pending timeslice (at end of stream); returns how many. */
    int dropPending()
    {
        final int dropped = pendingCount;
        for (int i = 0; i < pendingCount; i++)
        {
            pending[i].clearAll();
            pool.push(pending[i]);
            pending[i] = null;
        }
        pendingCount = 0;
        return dropped;
    }

    @Override
    public void close()
    {
        arena.close();
    }

    private PendingTimeslice acquire(final long timeslice)
    {
        PendingTimeslice entry = pool.poll();
        if (entry == null)
        {
            entry = new PendingTimeslice(labels, required, arena);
        }
        entry.reset(timeslice);
        return entry;
    }

    private int findOrInsert(final long timeslice)
    {
        // Arrivals are mostly in increasing order: check the end before searching.
        if (pendingCount > 0 && pending[pendingCount - 1].timeslice() == timeslice)
        {
            return pendingCount - 1;
        }
        int low = 0;
        int high = pendingCount - 1;
        while (low <= high)
        {
            final int mid = (low + high) >>> 1;
            final long midTimeslice = pending[mid].timeslice();
            if (midTimeslice < timeslice)
            {
                low = mid + 1;
            }
            else if (midTimeslice > timeslice)
            {
                high = mid - 1;
            }
            else
            {
                return mid;
            }
        }
        if (pendingCount == pending.length)
        {
            pending = java.util.Arrays.copyOf(pending, pending.length * 2);
        }
        System.arraycopy(pending, low, pending, low + 1, pendingCount - low);
        pending[low] = acquire(timeslice);
        pendingCount++;
        return low;
    }

    private void removePending(final int position)
    {
        System.arraycopy(pending, position + 1, pending, position, pendingCount - position - 1);
        pending[--pendingCount] = null;
    }

    private void pushReady(final PendingTimeslice entry)
    {
        if (readyCount == ready.length)
        {
            final PendingTimeslice[] larger = new PendingTimeslice[ready.length * 2];
            for (int i = 0; i < readyCount; i++)
            {
                larger[i] = ready[(readyHead + i) % ready.length];
            }
            ready = larger;
            readyHead = 0;
        }
        ready[(readyHead + readyCount) % ready.length] = entry;
        readyCount++;
    }
}
