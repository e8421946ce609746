package org.jdpl.framework.channel;

import org.agrona.DirectBuffer;

/**
 * Where a producer's messages to one consumer replica go: an Aeron IPC publication, or, when the
 * consumer shares the producer's process (a process group), an in-process ring. Offers answer as an
 * Aeron publication does (a positive position when taken, else one of its negative codes), so that
 * the runner's {@code Offerer} waits out a full ring exactly as it waits out a back-pressured stream.
 */
public interface Outlet
{
    /** Offers one whole message; see {@link io.aeron.Publication#offer(DirectBuffer, int, int)} for the answers. */
    long offer(DirectBuffer buffer, int offset, int length);

    /**
     * Offers one message made of two parts (a header block and a payload elsewhere) without copying
     * them together. Only streams to other hosts send so, and those are publications.
     */
    default long offer(final DirectBuffer buffer, final int offset, final int length,
        final DirectBuffer second, final int secondOffset, final int secondLength)
    {
        throw new UnsupportedOperationException(describe() + " takes whole messages only");
    }

    /** Whether the consumer can receive; a producer sends nothing before every outlet is. */
    boolean isConnected();

    /** The largest message one offer takes. */
    int maxMessageLength();

    /** The consumer replica's stream id, or -1 for an in-process ring (its consumer shares this process). */
    int streamId();

    /** For messages: {@code stream 1003}, {@code in-process ring to fitter}. */
    String describe();
}
