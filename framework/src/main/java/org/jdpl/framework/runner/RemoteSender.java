package org.jdpl.framework.runner;

import java.nio.ByteBuffer;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.jdpl.framework.channel.Outlet;
import org.jdpl.transport.MessageEncoder;
import org.jdpl.transport.MessageLayout;

/**
 * Sends payloads to consumers on other hosts, where neither the payload segment nor its references
 * reach: the payload bytes travel, after an inline header block. A payload larger than one message
 * of the UDP stream goes in consecutive parts ({@code splitPayloadParts}/{@code splitPayloadIndex} of
 * the DataHeader), which the consumer's {@link ChunkReassembler} puts back together. Owns one header
 * buffer per output; allocates nothing per message.
 */
final class RemoteSender
{
    private final UnsafeBuffer header = new UnsafeBuffer(ByteBuffer.allocateDirect(MessageLayout.PAYLOAD_OFFSET));
    private final UnsafeBuffer payload = new UnsafeBuffer(0, 0);
    private final MessageEncoder encoder = new MessageEncoder();
    private long chunksSent;

    RemoteSender()
    {
        encoder.wrap(header, 0);
    }

    /**
     * Sends {@code sizeBytes} of payload at native address {@code payloadAddress} to {@code outlet},
     * with the header block of {@code headerBlock} (origin, description, subSpec written), as timeslice
     * {@code timeslice}.
     */
    void send(final Outlet outlet, final DirectBuffer headerBlock, final long payloadAddress, final long sizeBytes,
        final long timeslice, final long creationEpochMs, final Offerer offerer)
    {
        header.putBytes(0, headerBlock, 0, MessageLayout.PAYLOAD_OFFSET);
        encoder.stamp(sizeBytes, timeslice, creationEpochMs);
        final long maxPart = outlet.maxMessageLength() - MessageLayout.PAYLOAD_OFFSET;
        if (sizeBytes <= maxPart)
        {
            payload.wrap(payloadAddress, (int)sizeBytes);
            offerer.offer(outlet, header, 0, MessageLayout.PAYLOAD_OFFSET, payload, 0, (int)sizeBytes);
            return;
        }
        final int parts = (int)((sizeBytes + maxPart - 1) / maxPart);
        for (int index = 0; index < parts; index++)
        {
            final long start = index * maxPart;
            final int partBytes = (int)Math.min(maxPart, sizeBytes - start);
            encoder.dataHeader().payloadSize(partBytes).splitPayload(parts, index);
            payload.wrap(payloadAddress + start, partBytes);
            offerer.offer(outlet, header, 0, MessageLayout.PAYLOAD_OFFSET, payload, 0, partBytes);
        }
        encoder.dataHeader().splitPayload(1, 0);
        chunksSent += parts;
    }

    /** Parts sent for payloads that did not fit in one message. */
    long chunksSent()
    {
        return chunksSent;
    }
}
