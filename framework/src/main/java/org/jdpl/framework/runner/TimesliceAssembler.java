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
 *       still incomplete; with a {@link #sequence} (what a device replica uses) it also waits for the
 *       ids not seen yet ({@link OrderedSequence}: gaps are given up on after a while).</li>
 * </ul>
 * Payloads are copied into pooled memory the assembler owns (closed with it). Knows no transport:
 * it is fed (buffer, offset, length) and drained with {@link #deliver}.
 *
 * <p>Lifetimes: an {@code optional} or {@code sporadic} message is delivered with its timeslice when
 * it arrives before that timeslice is delivered; one arriving after is <em>late</em>: released at once
 * and counted ({@link #lateInputs}), never delivered with another timeslice. A {@code condition}
 * message is not part of any timeslice: it is held ({@link ConditionHolder}) and every timeslice
 * delivered afterwards sees it, until the next one replaces (and releases) it. Until every
 * condition input has arrived once, complete timeslices wait (ALL and ORDERED; ANY never waits).
 */
final class TimesliceAssembler implements AutoCloseable
{
    /** {@link #onMessage} results. */
    static final int ACCEPTED = 0;
    static final int DUPLICATE = 1;
    static final int LATE = 2;

    private final Completion completion;
    private final String[] labels;
    private final boolean[] required;
    private final Arena arena = Arena.ofShared();
    private final ConditionHolder conditions;
    private final RecentTimeslices delivered;
    private long lateInputs;
    private final OrderedSequence sequence = new OrderedSequence();
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
        this.conditions = new ConditionHolder(inputs, arena);
        this.delivered = RecentTimeslices.forInputs(inputs);
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
        if (conditions.isCondition(inputIndex))
        {
            final PayloadSlot held = conditions.replace(inputIndex);
            held.fill(timeslice, spec, buffer, offset, length);
            held.origin(originQueue, originIndex);
            onConditionArrived();
            return ACCEPTED;
        }
        if (completion == Completion.ANY)
        {
            final PendingTimeslice alone = acquire(timeslice);
            final PayloadSlot slot = alone.claim(inputIndex);
            slot.fill(timeslice, spec, buffer, offset, length);
            slot.origin(originQueue, originIndex);
            pushReady(alone);
            return ACCEPTED;
        }
        if (isLate(inputIndex, timeslice))
        {
            originAcknowledge(timeslice);
            return LATE;
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
        if (completion == Completion.ALL && isComplete(entry))
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
        if (conditions.isCondition(inputIndex))
        {
            conditions.replace(inputIndex).fillRef(timeslice, spec, segment, ref, sizeBytes);
            onConditionArrived();
            return ACCEPTED;
        }
        if (completion == Completion.ANY)
        {
            final PendingTimeslice alone = acquire(timeslice);
            alone.claim(inputIndex).fillRef(timeslice, spec, segment, ref, sizeBytes);
            pushReady(alone);
            return ACCEPTED;
        }
        if (isLate(inputIndex, timeslice))
        {
            segment.release(ref);
            return LATE;
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
        if (completion == Completion.ALL && isComplete(entry))
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
        int count = 0;
        while (readyCount > 0)
        {
            final PendingTimeslice entry = ready[readyHead];
            ready[readyHead] = null;
            readyHead = (readyHead + 1) % ready.length;
            readyCount--;
            hand(handler, entry);
            count++;
        }
        if (completion == Completion.ORDERED)
        {
            while (pendingCount > 0 && isComplete(pending[0]) && mayDeliverFirst())
            {
                final PendingTimeslice entry = pending[0];
                removePending(0);
                sequence.delivered(entry.timeslice());
                hand(handler, entry);
                count++;
            }
        }
        return count;
    }

    /**
     * ORDERED: ids {@code first}, {@code first + stride}, ... are expected in turn, so a timeslice also
     * waits for a smaller one not seen yet (replicas upstream finish out of order).
     */
    TimesliceAssembler sequence(final long first, final long stride)
    {
        sequence.expect(first, stride);
        return this;
    }

    /** At end of stream: delivers the complete timeslices still waiting for a gap, in order; returns how many. */
    int deliverRemaining(final TimesliceHandler handler) throws Exception
    {
        sequence.flushing(true);
        try
        {
            return deliver(handler);
        }
        finally
        {
            sequence.flushing(false);
        }
    }

    /** ORDERED gaps given up on (see the class comment). */
    long gapsSkipped()
    {
        return sequence.gapsSkipped();
    }

    private boolean mayDeliverFirst()
    {
        final long first = pending[0].timeslice();
        return sequence.mayDeliver(first, sequence.waitsFor(first) ? completeWaiting() : 0);
    }

    private int completeWaiting()
    {
        int complete = 0;
        for (int i = 0; i < pendingCount && complete < OrderedSequence.MAX_WAITING_BEHIND_GAP; i++)
        {
            complete += pending[i].isComplete() ? 1 : 0;
        }
        return complete;
    }

    private void hand(final TimesliceHandler handler, final PendingTimeslice entry) throws Exception
    {
        delivered.add(entry.timeslice());
        handler.onTimeslice(entry.timeslice(), entry);
        entry.clearAll();
        pool.push(entry);
    }

    /** Complete, and every condition input has arrived at least once. */
    private boolean isComplete(final PendingTimeslice entry)
    {
        return entry.isComplete() && conditions.allHeld();
    }

    /** A first condition may complete timeslices that were only waiting for it (ALL; ORDERED checks in deliver). */
    private void onConditionArrived()
    {
        if (completion != Completion.ALL || !conditions.allHeld())
        {
            return;
        }
        for (int i = 0; i < pendingCount; )
        {
            if (pending[i].isComplete())
            {
                final PendingTimeslice entry = pending[i];
                removePending(i);
                pushReady(entry);
            }
            else
            {
                i++;
            }
        }
    }

    /** An optional or sporadic message for a timeslice already delivered: counted, never delivered. */
    private boolean isLate(final int inputIndex, final long timeslice)
    {
        if (required[inputIndex] || !delivered.contains(timeslice))
        {
            return false;
        }
        lateInputs++;
        return true;
    }

    /** A late message from a durable queue is done with: acknowledged, so it is not replayed. */
    private void originAcknowledge(final long timeslice)
    {
        if (originQueue != null)
        {
            originQueue.acknowledge(originIndex, timeslice);
        }
    }

    /** Optional or sporadic messages that arrived after their timeslice was delivered (or never had one). */
    long lateInputs()
    {
        return lateInputs;
    }

    /** How many condition messages arrived (each replaced the one held). */
    long conditionUpdates()
    {
        return conditions.updates();
    }

    /** Whether input {@code inputIndex} is a condition (its ids are versions, not timeslices). */
    boolean isCondition(final int inputIndex)
    {
        return conditions.isCondition(inputIndex);
    }

    /** Whether the device has optional or sporadic inputs, which can be late. */
    boolean hasNonRequiredInputs()
    {
        return delivered.isTracking();
    }

    /** Whether every condition input has arrived once (true when there are none). */
    boolean conditionsHeld()
    {
        return conditions.allHeld();
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

    /** Whether the i-th pending timeslice holds only optional or sporadic messages (no required one arrived). */
    boolean pendingHoldsOnlyOptional(final int index)
    {
        return !pending[index].hasRequired();
    }

    /**
     * Drops every pending timeslice (at end of stream); returns how many were real timeslices. One
     * holding only optional messages is not: its timeslice was delivered long before (past what
     * is remembered) or dropped upstream; its messages count as late.
     */
    int dropPending()
    {
        int dropped = 0;
        for (int i = 0; i < pendingCount; i++)
        {
            if (pending[i].hasRequired())
            {
                dropped++;
            }
            else
            {
                lateInputs += pending[i].arrived();
            }
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
        conditions.close();
        arena.close();
    }

    private PendingTimeslice acquire(final long timeslice)
    {
        PendingTimeslice entry = pool.poll();
        if (entry == null)
        {
            entry = new PendingTimeslice(labels, required, conditions, arena);
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
