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
 * is then its own complete timeslice, so it goes to the device from the receiver's callback, with
 * no pending or ready queue, no pool and no search: what {@link TimesliceAssembler} does for such a
 * device, minus the bookkeeping that cannot change the outcome (no duplicate can be pending, no
 * input can be late, there is nothing to order).
 *
 * <p>An inline payload is copied once into the slot's memory: {@code Input.payload()} is a
 * {@link java.lang.foreign.MemorySegment}, and a view of the fragment in place would be a new
 * object per message (the fragment's address changes with every message), where a copy of a
 * small payload costs a few nanoseconds and allocates nothing. A segment payload is read in place.
 *
 * <p>The device runs inside the transport's poll, so anything it throws is caught here and
 * rethrown by {@link #rethrowFailure} after the poll: no device exception crosses Aeron's poll,
 * and once one is caught the rest of that poll is released, not delivered.
 */
final class DirectDelivery implements AutoCloseable
{
    private final Arena arena = Arena.ofShared();
    private final PayloadSlot slot;
    private final SingleInput inputs;
    private final TimesliceHandler handler;
    private SegmentAccess segment;
    private Throwable failure;

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

    /** One inline message: copied into the slot and handed to the device at once. */
    void onMessage(final long timeslice, final DataSpec spec, final DirectBuffer buffer, final int offset, final int length)
    {
        if (failure != null)
        {
            return;
        }
        slot.fill(timeslice, spec, buffer, offset, length);
        hand(timeslice);
    }

    /** One segment-backed message this process now holds: viewed in place, released after the call. */
    void onSegmentMessage(final long timeslice, final DataSpec spec, final long ref, final long sizeBytes)
    {
        segment.onReceived();
        if (failure != null)
        {
            segment.release(ref);
            return;
        }
        slot.fillRef(timeslice, spec, segment, ref, sizeBytes);
        hand(timeslice);
    }

    private void hand(final long timeslice)
    {
        try
        {
            handler.onTimeslice(timeslice, inputs);
        }
        catch (final Throwable t)
        {
            failure = t;
        }
        finally
        {
            slot.clear();
        }
    }

    /** Throws what the device (or the sending after it) threw during the last poll, if anything. */
    void rethrowFailure()
    {
        final Throwable thrown = failure;
        if (thrown == null)
        {
            return;
        }
        failure = null;
        if (thrown instanceof RuntimeException e)
        {
            throw e;
        }
        if (thrown instanceof Error e)
        {
            throw e;
        }
        throw new IllegalStateException(thrown);
    }

    @Override
    public void close()
    {
        arena.close();
    }
}
