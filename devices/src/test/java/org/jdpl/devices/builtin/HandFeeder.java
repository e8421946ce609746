package org.jdpl.devices.builtin;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import io.aeron.Aeron;
import io.aeron.Publication;
import org.agrona.concurrent.UnsafeBuffer;
import org.jdpl.transport.MessageEncoder;
import org.jdpl.transport.MessageLayout;

/**
 * Plays the one producer of a consumer by hand, on the wire the framework uses (an IPC publication to the
 * consumer's stream, O2 header block then payload): pattern payloads with whatever timeslice ids the test
 * chooses, repeated or damaged, then the end of stream. What no device can do through the device API,
 * which sends each output once per timeslice with the framework's own id.
 */
final class HandFeeder implements AutoCloseable
{
    private static final long TIMEOUT_NS = TimeUnit.SECONDS.toNanos(30);

    private final Aeron aeron;
    private final Publication publication;
    private final MessageEncoder encoder = new MessageEncoder();
    private final Arena arena = Arena.ofConfined();
    private final MemorySegment memory;
    private final UnsafeBuffer buffer;
    private final int payloadBytes;

    HandFeeder(final Path aeronDir, final int streamId, final String origin, final String description, final int payloadBytes)
    {
        this.aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(aeronDir.toString()));
        this.publication = aeron.addPublication("aeron:ipc", streamId);
        this.payloadBytes = payloadBytes;
        this.memory = arena.allocate(MessageLayout.PAYLOAD_OFFSET + payloadBytes, MessageLayout.PAYLOAD_ALIGNMENT);
        this.buffer = new UnsafeBuffer(memory.address(), (int)memory.byteSize());
        encoder.wrap(buffer, 0).writeHeaderBlock(origin, description, 0);
    }

    /** Sends an intact pattern payload of {@code timeslice}. */
    void send(final long timeslice)
    {
        PayloadPattern.fill(payload(), timeslice);
        offer(timeslice, MessageLayout.PAYLOAD_OFFSET + payloadBytes);
    }

    /** Sends timeslice {@code timeslice} with one body byte of its pattern flipped. */
    void sendCorrupt(final long timeslice)
    {
        final MemorySegment payload = payload();
        PayloadPattern.fill(payload, timeslice);
        final long at = PayloadPattern.MIN_BYTES;
        payload.set(ValueLayout.JAVA_BYTE, at, (byte)~payload.get(ValueLayout.JAVA_BYTE, at));
        offer(timeslice, MessageLayout.PAYLOAD_OFFSET + payloadBytes);
    }

    /** Sends, as timeslice {@code timeslice}, the intact payload of timeslice {@code claimed}. */
    void sendMisnumbered(final long timeslice, final long claimed)
    {
        PayloadPattern.fill(payload(), claimed);
        offer(timeslice, MessageLayout.PAYLOAD_OFFSET + payloadBytes);
    }

    /** Ends the stream, saying {@code timeslicesSent} were sent. */
    void endOfStream(final long timeslicesSent)
    {
        final UnsafeBuffer end = new UnsafeBuffer(new byte[MessageLayout.HEADER_BLOCK_SIZE]);
        final int length = new MessageEncoder().wrap(end, 0).writeEndOfStream(timeslicesSent, System.currentTimeMillis());
        offer(end, length);
    }

    private MemorySegment payload()
    {
        return memory.asSlice(MessageLayout.PAYLOAD_OFFSET, payloadBytes);
    }

    private void offer(final long timeslice, final int length)
    {
        encoder.stamp(payloadBytes, timeslice, System.currentTimeMillis());
        offer(buffer, length);
    }

    /** Offers until taken: the consumer may not have subscribed yet, or may push back. */
    private void offer(final UnsafeBuffer message, final int length)
    {
        final long deadline = System.nanoTime() + TIMEOUT_NS;
        while (publication.offer(message, 0, length) < 0)
        {
            if (publication.isClosed() || System.nanoTime() - deadline > 0)
            {
                throw new AssertionError("the consumer did not take a message within 30 s on stream " + publication.streamId());
            }
            Thread.onSpinWait();
        }
    }

    @Override
    public void close()
    {
        publication.close();
        aeron.close();
        arena.close();
    }
}
