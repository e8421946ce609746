package org.jdpl.framework.runner;

import java.lang.foreign.Arena;
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
 * it is fed (buffer, offset, length) and drained with {@link #deliver}. What lifetimes add (late
 * optional messages, conditions held and waited for; ANY never waits) is {@link InputLifetimes}.
 */
final class TimesliceAssembler implements AutoCloseable
{
    /** {@link #onMessage} results. */
    static final int ACCEPTED = 0;
    static final int DUPLICATE = 1;
    static final int LATE = 2;

    private final Completion completion;
    private final Arena arena = Arena.ofShared();
    private final InputLifetimes lifetimes;
    private final ConditionHolder conditions;
    private final OrderedSequence sequence = new OrderedSequence();
    /** Incomplete timeslices, sorted by timeslice id (ALL and ORDERED). */
    private final PendingTimeslices pending;
    /** Complete timeslices waiting for {@link #deliver}, in delivery order. */
    private final ReadyTimeslices ready = new ReadyTimeslices();
    private SegmentAccess segment;
    /** Where the message being placed goes: its timeslice's entry, and that entry's position in {@link #pending} (-1: none). */
    private PendingTimeslice placing;
    private int placingPosition;

    TimesliceAssembler(final List<InputSpec> inputs, final Completion completion)
    {
        this.completion = completion;
        final String[] labels = new String[inputs.size()];
        for (int i = 0; i < labels.length; i++)
        {
            labels[i] = inputs.get(i).label();
        }
        this.lifetimes = new InputLifetimes(inputs, arena);
        this.conditions = lifetimes.conditions();
        this.pending = new PendingTimeslices(labels, lifetimes.required(), conditions, arena);
    }

    /** Takes one message from shared memory, which has nothing to acknowledge; as the durable {@link #onMessage} otherwise. */
    int onMessage(
        final int inputIndex,
        final long timeslice,
        final DataSpec spec,
        final DirectBuffer buffer,
        final int offset,
        final int length)
    {
        return onMessage(inputIndex, timeslice, spec, buffer, offset, length, null, 0);
    }

    /**
     * Takes one message of input {@code inputIndex}, copying its payload. Returns {@link #DUPLICATE}
     * (and keeps the first) when that input already arrived for a timeslice still being gathered.
     * A message from durable queue {@code ackQueue} (null: shared memory) at {@code ackIndex} is
     * acknowledged there when its timeslice is done, or at once when it is {@link #LATE}.
     */
    int onMessage(
        final int inputIndex,
        final long timeslice,
        final DataSpec spec,
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final DurableInputs.Queue ackQueue,
        final long ackIndex)
    {
        final int placed = place(inputIndex, timeslice);
        if (placed == LATE && ackQueue != null)
        {
            ackQueue.acknowledge(ackIndex, timeslice); // done with: not to be replayed
        }
        if (placed != ACCEPTED)
        {
            return placed;
        }
        final PayloadSlot slot = slotOf(inputIndex);
        slot.fill(timeslice, spec, buffer, offset, length, ackQueue, ackIndex);
        filled();
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
        final int placed = place(inputIndex, timeslice);
        if (placed != ACCEPTED)
        {
            segment.release(ref);
            return placed;
        }
        slotOf(inputIndex).fillRef(timeslice, spec, segment, ref, sizeBytes);
        filled();
        return ACCEPTED;
    }

    /**
     * Finds where a message of {@code inputIndex} for {@code timeslice} goes (a held condition, a
     * timeslice of its own, or its timeslice's pending entry), or says it is {@link #LATE} or a
     * {@link #DUPLICATE}. The slot is then {@link #slotOf}, and {@link #filled} once written.
     */
    private int place(final int inputIndex, final long timeslice)
    {
        placingPosition = -1;
        if (conditions.isCondition(inputIndex))
        {
            conditions.replace(inputIndex);
            placing = null;
            return ACCEPTED;
        }
        if (completion == Completion.ANY)
        {
            placing = pending.acquire(timeslice);
            placing.claim(inputIndex);
            return ACCEPTED;
        }
        if (lifetimes.isLate(inputIndex, timeslice))
        {
            return LATE;
        }
        placingPosition = pending.findOrInsert(timeslice);
        placing = pending.get(placingPosition);
        return placing.claim(inputIndex) == null ? DUPLICATE : ACCEPTED;
    }

    private PayloadSlot slotOf(final int inputIndex)
    {
        return placing == null ? conditions.slot(inputIndex) : placing.slot(inputIndex);
    }

    /** The placed message is written: a condition may complete waiting timeslices, a timeslice may be complete. */
    private void filled()
    {
        if (placing == null)
        {
            onConditionArrived();
        }
        else if (completion == Completion.ANY)
        {
            ready.push(placing);
        }
        else if (completion == Completion.ALL && isComplete(placing))
        {
            ready.push(pending.remove(placingPosition));
        }
        placing = null;
    }

    /** The segment that segment-backed messages come through (null: this assembler takes none). */
    SegmentAccess segment()
    {
        return segment;
    }

    /** Hands every deliverable timeslice to {@code handler}; returns how many. */
    int deliver(final TimesliceHandler handler) throws Exception
    {
        int count = 0;
        while (!ready.isEmpty())
        {
            hand(handler, ready.poll());
            count++;
        }
        if (completion == Completion.ORDERED)
        {
            while (pending.count() > 0 && isComplete(pending.get(0)) && sequence.mayDeliverFirst(pending))
            {
                final PendingTimeslice entry = pending.remove(0);
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

    private void hand(final TimesliceHandler handler, final PendingTimeslice entry) throws Exception
    {
        lifetimes.delivered(entry.timeslice());
        handler.onTimeslice(entry.timeslice(), entry);
        pending.recycle(entry);
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
        for (int i = 0; i < pending.count(); )
        {
            if (pending.get(i).isComplete())
            {
                ready.push(pending.remove(i));
            }
            else
            {
                i++;
            }
        }
    }

    /** What the inputs' lifetimes did: late messages, conditions. */
    InputLifetimes lifetimes()
    {
        return lifetimes;
    }

    /** Timeslices gathered but not complete (or, for ORDERED, complete but waiting), in increasing id order. */
    PendingTimeslices pending()
    {
        return pending;
    }

    /**
     * Drops every pending timeslice (at end of stream); returns how many were real timeslices. One
     * holding only optional messages is not: its timeslice was delivered long before (past what
     * is remembered) or dropped upstream; its messages count as late.
     */
    int dropPending()
    {
        return pending.dropAll(lifetimes);
    }

    @Override
    public void close()
    {
        lifetimes.close();
        arena.close();
    }
}
