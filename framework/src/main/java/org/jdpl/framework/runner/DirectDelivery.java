package org.jdpl.framework.runner;

import java.lang.foreign.Arena;
import java.util.List;

import org.agrona.DirectBuffer;
import org.jdpl.framework.plan.Completion;
import org.jdpl.framework.spec.DataSpec;
import org.jdpl.framework.spec.InputSpec;

/**
 * The fast path of a device with one input that completes a timeslice alone: a required
 * ({@code timeframe}) input, completion {@code all} or {@code any}, no durable queue. Each message
 * is then its own complete timeslice, so it goes to the device as soon as its poll returns, with
 * no pending or ready queue, no pool and no search: what {@link TimesliceAssembler} does for such a
 * device, minus the bookkeeping that cannot change the outcome (no duplicate can be pending, no
 * input can be late, there is nothing to order).
 *
 * <p>An inline payload is copied once into the slot's memory: {@code Input.payload()} is a
 * {@link java.lang.foreign.MemorySegment}, and a view of the fragment in place would be a new
 * object per message (the fragment's address changes with every message), where a copy of a
 * small payload costs a few nanoseconds and allocates nothing. A segment payload is read in place.
 *
 * <p>The message is taken in a poll of one fragment and handed over ({@link #deliver}) after that
 * poll returned: the stream's position has then moved past it, as the general path's has past what
 * it gathered, so a device that dies in its call does not get the same message again when it is
 * restarted; and nothing the device throws crosses Aeron's poll.
 */
final class DirectDelivery implements AutoCloseable
{
    private final Arena arena = Arena.ofShared();
    private final PayloadSlot slot;
    private final SingleInput inputs;
    private final TimesliceHandler handler;
    private SegmentAccess segment;
    private boolean held;

    private DirectDelivery(final InputSpec input, final TimesliceHandler handler)
    {
        this.slot = new PayloadSlot(input.label(), arena);
        this.inputs = new SingleInput(slot);
        this.handler = handler;
    }

    /** The fast path for these inputs, or null when they need the general one. */
    static DirectDelivery forInputs(final List<InputSpec> inputs, final Completion completion, final boolean durable,
        final TimesliceHandler handler)
    {
        final boolean eligible = inputs.size() == 1 && inputs.getFirst().lifetime().requiredForCompletion() &&
            completion != Completion.ORDERED && !durable;
        return eligible ? new DirectDelivery(inputs.getFirst(), handler) : null;
    }

    DirectDelivery segment(final SegmentAccess segment)
    {
        this.segment = segment;
        return this;
    }

    /** One inline message: copied into the slot, for {@link #deliver}. */
    void onMessage(final long timeslice, final DataSpec spec, final DirectBuffer buffer, final int offset, final int length)
    {
        hold();
        slot.fill(timeslice, spec, buffer, offset, length, null, 0); // the fast path takes no durable input
    }

    /** One segment-backed message this process now holds: viewed in place, released after the call. */
    void onSegmentMessage(final long timeslice, final DataSpec spec, final long ref, final long sizeBytes)
    {
        segment.onReceived();
        hold();
        slot.fillRef(timeslice, spec, segment, ref, sizeBytes);
    }

    private void hold()
    {
        if (held)
        {
            throw new IllegalStateException("a second message before the first was delivered: poll one fragment at a time");
        }
        held = true;
    }

    /** Hands the message taken by the last poll, if any, to the device; returns how many (0 or 1). */
    int deliver() throws Exception
    {
        if (!held)
        {
            return 0;
        }
        held = false;
        try
        {
            handler.onTimeslice(slot.timeslice(), inputs);
        }
        finally
        {
            slot.clear();
        }
        return 1;
    }

    @Override
    public void close()
    {
        arena.close();
    }
}
