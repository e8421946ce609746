package org.jdpl.framework.channel;

import io.aeron.Publication;
import org.agrona.DirectBuffer;

/**
 * An outlet over an Aeron publication (IPC, or UDP to another host): a consumer in another process,
 * or the members of a fan-out stream (connected once all of them joined). Does not own the publication.
 */
public final class PublicationOutlet implements Outlet
{
    private final Publication publication;
    private final FanOutMembers members;
    private final String description;

    public PublicationOutlet(final Publication publication)
    {
        this(publication, null);
    }

    /** A fan-out stream's: {@code members} says when all have joined; null for a single consumer. */
    PublicationOutlet(final Publication publication, final FanOutMembers members)
    {
        this.publication = publication;
        this.members = members;
        this.description = (members == null ? "stream " : "fan-out stream ") + publication.streamId();
    }

    @Override
    public long offer(final DirectBuffer buffer, final int offset, final int length)
    {
        return publication.offer(buffer, offset, length);
    }

    @Override
    public long offer(final DirectBuffer buffer, final int offset, final int length,
        final DirectBuffer second, final int secondOffset, final int secondLength)
    {
        return publication.offer(buffer, offset, length, second, secondOffset, secondLength);
    }

    @Override
    public int streamId()
    {
        return publication.streamId();
    }

    @Override
    public boolean isConnected()
    {
        return publication.isConnected() && (members == null || members.allJoined());
    }

    @Override
    public int maxMessageLength()
    {
        return publication.maxMessageLength();
    }

    @Override
    public String describe()
    {
        return description;
    }
}
