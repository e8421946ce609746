package org.jdpl.framework.runner;

import java.nio.file.Path;
import java.util.List;

import io.aeron.FragmentAssembler;
import io.aeron.Subscription;
import org.agrona.CloseHelper;
import org.agrona.concurrent.MessageHandler;
import org.jdpl.framework.plan.Plan;
import org.jdpl.framework.plan.PlannedDevice;
import org.jdpl.framework.spec.InputSpec;
import org.jdpl.transport.inprocess.InProcessRing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receiving half of a device with inputs: reassembles fragments, checks and routes messages to
 * the {@link TimesliceAssembler}, counts end-of-stream messages, and drops what is incomplete at the
 * end. Owns the assembler's memory.
 */
final class InputSide implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(InputSide.class);
    private static final int FRAGMENT_LIMIT = 64;
    private static final int DROPPED_IDS_LOGGED = 5;

    private final String who;
    private final int upstreamProducers;
    private final TimesliceAssembler assembler;
    private final MessageReceiver receiver;
    private final FragmentAssembler fragmentAssembler;
    private final FragmentAssembler remoteFragmentAssembler;
    private final RunnerCounters counters;
    private DurableInputs durable;
    private InProcessRing ring;
    private MessageHandler ringHandler;
    private DirectDelivery direct;

    InputSide(final String who, final PlannedDevice device, final int replica, final RunnerCounters counters, final SegmentAccess segment)
    {
        this.who = who;
        this.counters = counters;
        this.upstreamProducers = device.upstreamProducers();
        final List<InputSpec> inputs = device.inputs();
        final String[] labels = new String[inputs.size()];
        for (int i = 0; i < labels.length; i++)
        {
            labels[i] = inputs.get(i).label();
        }
        // Sources number timeslices from 0 and replica r of n gets r, r + n, ...: what completion = ordered waits for.
        this.assembler = new TimesliceAssembler(inputs, device.completion()).segment(segment).sequence(replica, device.replicas());
        this.receiver = new MessageReceiver(new InputMatchers(inputs), assembler, labels, new DroppedMessages(who, counters), counters);
        this.fragmentAssembler = new FragmentAssembler(receiver);
        this.remoteFragmentAssembler = new FragmentAssembler(receiver);
    }

    /** Also tails this replica's durable queues, if any of its inputs is durable. */
    InputSide durable(final Plan plan, final Path runDir, final String device, final int replica)
    {
        durable = DurableInputs.open(who, plan, runDir, device, replica, receiver);
        return this;
    }

    /**
     * Also reads the in-process ring that members of this replica's process group write to (null:
     * none). Its messages are the wire bytes, whole, so they go to the same receiver.
     */
    InputSide ring(final InProcessRing ring)
    {
        this.ring = ring;
        this.ringHandler = ring == null ? null : (type, buffer, offset, length) -> receiver.onFragment(buffer, offset, length, null);
        return this;
    }

    /**
     * Hands each message to {@code handler} as it arrives ({@link DirectDelivery}) when this device's
     * inputs allow it and {@code allowed}.
     */
    InputSide direct(final PlannedDevice device, final boolean allowed, final SegmentAccess segment, final TimesliceHandler handler)
    {
        direct = allowed ? DirectDelivery.forInputs(device.inputs(), device.completion(), durable != null, handler) : null;
        if (direct != null)
        {
            receiver.direct(direct.segment(segment));
        }
        return this;
    }

    /**
     * Takes what arrived, on this device's stream, its in-process ring and from other hosts on
     * {@code remoteData} (empty when none can); returns the number of fragments (and durable and
     * in-process messages) read.
     */
    int poll(final Subscription data, final Subscription[] remoteData)
    {
        if (direct != null)
        {
            return pollDirect(data, remoteData);
        }
        int read = data.poll(fragmentAssembler, FRAGMENT_LIMIT);
        if (ring != null)
        {
            read += ring.poll(ringHandler, FRAGMENT_LIMIT);
        }
        for (final Subscription remote : remoteData)
        {
            read += remote.poll(remoteFragmentAssembler, FRAGMENT_LIMIT);
        }
        return durable == null ? read : read + durable.poll();
    }

    /** The fast path: one fragment at a time from each input, each message handed to the device before the next poll. */
    private int pollDirect(final Subscription data, final Subscription[] remoteData)
    {
        int read = 0;
        for (int round = 0; round < FRAGMENT_LIMIT; round++)
        {
            int taken = data.poll(fragmentAssembler, 1);
            deliverDirect();
            if (ring != null)
            {
                taken += ring.poll(ringHandler, 1);
                deliverDirect();
            }
            for (final Subscription remote : remoteData)
            {
                taken += remote.poll(remoteFragmentAssembler, 1);
                deliverDirect();
            }
            if (taken == 0)
            {
                break;
            }
            read += taken;
        }
        return read;
    }

    private void deliverDirect()
    {
        try
        {
            direct.deliver();
        }
        catch (final RuntimeException e)
        {
            throw e;
        }
        catch (final Exception e)
        {
            throw new IllegalStateException(e);
        }
    }

    /** Parts of payloads that arrived from other hosts in parts. */
    long partsReceived()
    {
        return receiver.partsReceived();
    }

    /** Hands complete timeslices to {@code handler}; returns how many. */
    int deliver(final TimesliceHandler handler)
    {
        try
        {
            return assembler.deliver(handler);
        }
        catch (final RuntimeException e)
        {
            throw e;
        }
        catch (final Exception e)
        {
            throw new IllegalStateException(e);
        }
    }

    /** At end of stream: hands over what completion = ordered still held back for a gap; returns how many. */
    int deliverRemaining(final TimesliceHandler handler)
    {
        try
        {
            return assembler.deliverRemaining(handler);
        }
        catch (final RuntimeException e)
        {
            throw e;
        }
        catch (final Exception e)
        {
            throw new IllegalStateException(e);
        }
    }

    /** Every upstream producer replica has sent its end of stream. */
    boolean upstreamEnded()
    {
        return receiver.endOfStreamCount() >= upstreamProducers;
    }

    /** One past the highest timeslice received: the timeslice of the endOfStream call. */
    long nextTimeslice()
    {
        return receiver.highestTimeslice() + 1;
    }

    /** What the lifetimes did, as metrics: late optional messages, condition updates. */
    void report(final MapMetrics metrics)
    {
        if (assembler.lifetimes().hasNonRequiredInputs())
        {
            metrics.set("inputs.late", assembler.lifetimes().lateInputs());
        }
        if (assembler.gapsSkipped() > 0)
        {
            metrics.set("ordered.gapsSkipped", assembler.gapsSkipped());
        }
        if (!assembler.lifetimes().conditionsHeld() || assembler.lifetimes().conditionUpdates() > 0)
        {
            metrics.set("inputs.conditionUpdates", assembler.lifetimes().conditionUpdates());
        }
    }

    /** Drops the timeslices still incomplete at end of stream, saying which; returns how many. */
    int dropIncomplete()
    {
        final int pending = assembler.pending().count();
        int real = 0;
        for (int i = 0; i < pending; i++)
        {
            real += assembler.pending().get(i).hasRequired() ? 1 : 0;
        }
        if (real == 0)
        {
            return assembler.dropPending(); // only optional messages whose timeslices are gone: counted late
        }
        final StringBuilder ids = new StringBuilder();
        for (int i = 0, listed = 0; i < pending && listed < DROPPED_IDS_LOGGED; i++)
        {
            if (assembler.pending().get(i).hasRequired())
            {
                ids.append(listed++ == 0 ? "" : ", ").append(assembler.pending().get(i).timeslice());
            }
        }
        final String why = assembler.lifetimes().conditionsHeld() ? "incomplete at end of stream: an input never arrived" :
            "incomplete at end of stream: waiting for a condition input that never arrived";
        LOG.warn("{}: end of stream with {} incomplete timeslice(s), dropped: {}{} ({})", who, real, ids,
            real > DROPPED_IDS_LOGGED ? ", ..." : "", why);
        for (int i = 0; i < pending; i++)
        {
            if (assembler.pending().get(i).hasRequired())
            {
                counters.ledger.dropped(assembler.pending().get(i).timeslice(), why);
            }
        }
        return assembler.dropPending();
    }

    @Override
    public void close()
    {
        CloseHelper.quietClose(durable);
        CloseHelper.quietClose(direct);
        assembler.close();
    }
}
