package org.jdpl.framework.channel;

import io.aeron.Publication;
import org.agrona.DirectBuffer;
import org.jdpl.transport.inprocess.InProcessRing;

/**
 * An outlet over the in-process ring of a consumer in the producer's own process group. The ring
 * exists before either device starts and outlives both, so it is always connected; a full ring
 * answers {@link Publication#BACK_PRESSURED}. Does not own the ring.
 */
public final class RingOutlet implements Outlet
{
    /** Any positive answer means taken; a ring has no stream position to give. */
    private static final long TAKEN = 1;

    private final InProcessRing ring;
    private final String description;

    public RingOutlet(final InProcessRing ring)
    {
        this.ring = ring;
        this.description = ring.toString();
    }

    @Override
    public int streamId()
    {
        return -1;
    }

    @Override
    public long offer(final DirectBuffer buffer, final int offset, final int length)
    {
        return ring.offer(buffer, offset, length) ? TAKEN : Publication.BACK_PRESSURED;
    }

    @Override
    public boolean isConnected()
    {
        return true;
    }

    @Override
    public int maxMessageLength()
    {
        return ring.maxMessageLength();
    }

    @Override
    public String describe()
    {
        return description;
    }
}
