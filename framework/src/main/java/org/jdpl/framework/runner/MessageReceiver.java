package org.jdpl.framework.runner;

import io.aeron.logbuffer.FragmentHandler;
import io.aeron.logbuffer.Header;
import org.agrona.DirectBuffer;
import org.jdpl.framework.spec.DataSpec;
import org.jdpl.transport.DataHeaderFlyweight;
import org.jdpl.transport.MessageDecoder;
import org.jdpl.transport.MessageLayout;
import org.jdpl.transport.WireError;

/**
 * Takes whole messages off a device's data stream (behind a FragmentAssembler) or its in-process ring
 * (with no Aeron header): checks them, counts
 * end-of-stream messages, finds the input each belongs to and hands it to the assembler, which
 * copies the payload; or, on the fast path, to {@link DirectDelivery}, which holds the one message
 * of a one-fragment poll until the poll has returned. Nothing here calls the device, so no device
 * exception crosses Aeron's poll.
 */
final class MessageReceiver implements FragmentHandler
{
    private final MessageDecoder decoder = new MessageDecoder();
    private final InputMatchers matchers;
    private final TimesliceAssembler assembler;
    private final String[] labels;
    private final DroppedMessages dropped;
    private final ChunkReassembler chunks = new ChunkReassembler();
    private final RunnerCounters counters;
    private int endOfStreamCount;
    private long highestTimeslice = -1;
    /** The fast path, when the device's one input completes alone (null: every message goes to the assembler). */
    private DirectDelivery direct;

    MessageReceiver(
        final InputMatchers matchers,
        final TimesliceAssembler assembler,
        final String[] labels,
        final DroppedMessages dropped,
        final RunnerCounters counters)
    {
        this.matchers = matchers;
        this.assembler = assembler;
        this.labels = labels;
        this.dropped = dropped;
        this.counters = counters;
    }

    /** Hands each message to {@code direct} (the fast path) instead of the assembler. */
    MessageReceiver direct(final DirectDelivery direct)
    {
        this.direct = direct;
        return this;
    }

    @Override
    public void onFragment(final DirectBuffer buffer, final int offset, final int length, final Header header)
    {
        onMessage(buffer, offset, length, header, null, 0);
    }

    /**
     * A message read from durable queue {@code queue} at {@code index}: acknowledged there once its
     * timeslice is done (or at once, when it arrives too late to be used).
     */
    void onDurableMessage(final DirectBuffer buffer, final int offset, final int length, final DurableInputs.Queue queue,
        final long index)
    {
        onMessage(buffer, offset, length, null, queue, index);
    }

    /** {@code ackQueue} null: from shared memory, nothing to acknowledge. */
    private void onMessage(final DirectBuffer buffer, final int offset, final int length, final Header header,
        final DurableInputs.Queue ackQueue, final long ackIndex)
    {
        final WireError error = decoder.check(buffer, offset, length);
        if (error != WireError.NONE)
        {
            dropped.onCorrupt(error, length);
            return;
        }
        final DataHeaderFlyweight dataHeader = decoder.dataHeader();
        if (dataHeader.splitPayloadParts() > 1)
        {
            onPart(buffer, offset, length, header);
            return;
        }
        if (dataHeader.isEndOfStream())
        {
            endOfStreamCount++;
            return;
        }
        final int input = matchers.match(dataHeader);
        if (input < 0)
        {
            dropped.onUnmatched(buffer, offset);
            return;
        }
        final DataSpec spec = matchers.spec(input, dataHeader);
        if (spec == null)
        {
            dropped.onBadSpec(buffer, offset);
            return;
        }
        final long timeslice = decoder.processingHeader().startTime();
        if (dataHeader.isSegmentRef())
        {
            onSegmentRef(input, timeslice, spec, buffer, offset);
            return;
        }
        final int payloadSize = decoder.payloadSize();
        if (direct != null)
        {
            counters.bytesIn += payloadSize;
            highestTimeslice = Math.max(highestTimeslice, timeslice);
            direct.onMessage(timeslice, spec, buffer, offset + MessageLayout.PAYLOAD_OFFSET, payloadSize);
            return;
        }
        final int result = assembler.onMessage(
            input, timeslice, spec, buffer, offset + MessageLayout.PAYLOAD_OFFSET, payloadSize, ackQueue, ackIndex);
        if (result == TimesliceAssembler.DUPLICATE)
        {
            dropped.onDuplicate(labels[input], timeslice);
            return;
        }
        if (result == TimesliceAssembler.LATE)
        {
            dropped.onLate(labels[input], timeslice);
            return;
        }
        counters.bytesIn += payloadSize;
        if (!assembler.lifetimes().isCondition(input))
        {
            highestTimeslice = Math.max(highestTimeslice, timeslice);
        }
    }

    /** A part of a payload that crossed hosts in parts; the whole message goes on when its last part is in. */
    private void onPart(final DirectBuffer buffer, final int offset, final int length, final Header header)
    {
        final int session = header.sessionId();
        final int result = chunks.onPart(session, decoder.dataHeader(), buffer, offset);
        if (result == ChunkReassembler.OUT_OF_ORDER)
        {
            dropped.onCorrupt(WireError.BAD_PAYLOAD_SIZE, length);
        }
        else if (result == ChunkReassembler.COMPLETE)
        {
            onFragment(chunks.buffer(session), 0, chunks.length(session), header);
        }
    }

    private void onSegmentRef(final int input, final long timeslice, final DataSpec spec, final DirectBuffer buffer, final int offset)
    {
        if (assembler.segment() == null)
        {
            dropped.onCorrupt(WireError.BAD_PAYLOAD_SIZE, MessageLayout.PAYLOAD_OFFSET + MessageLayout.SEGMENT_REF_PAYLOAD_BYTES);
            return;
        }
        final long sizeBytes = MessageDecoder.segmentPayloadSize(buffer, offset);
        final long ref = MessageDecoder.segmentRef(buffer, offset);
        if (!assembler.segment().acceptReceived(ref))
        {
            dropped.onStaleReference(labels[input], timeslice);
            return;
        }
        if (direct != null)
        {
            counters.bytesIn += sizeBytes;
            highestTimeslice = Math.max(highestTimeslice, timeslice);
            direct.onSegmentMessage(timeslice, spec, ref, sizeBytes);
            return;
        }
        final int result = assembler.onSegmentMessage(input, timeslice, spec, ref, sizeBytes);
        if (result == TimesliceAssembler.DUPLICATE)
        {
            dropped.onDuplicate(labels[input], timeslice);
            return;
        }
        if (result == TimesliceAssembler.LATE)
        {
            dropped.onLate(labels[input], timeslice);
            return;
        }
        counters.bytesIn += sizeBytes;
        if (!assembler.lifetimes().isCondition(input))
        {
            highestTimeslice = Math.max(highestTimeslice, timeslice);
        }
    }

    /** Parts of payloads received from other hosts in parts. */
    long partsReceived()
    {
        return chunks.partsReceived();
    }

    /** End-of-stream messages received so far (one per upstream producer replica). */
    int endOfStreamCount()
    {
        return endOfStreamCount;
    }

    /** The highest timeslice id received, -1 before any. */
    long highestTimeslice()
    {
        return highestTimeslice;
    }
}
