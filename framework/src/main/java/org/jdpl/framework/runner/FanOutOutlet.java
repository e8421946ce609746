package org.jdpl.framework.runner;

import io.aeron.Aeron;
import io.aeron.Publication;
import io.aeron.AeronCounters;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.status.CountersReader;

/**
 * An outlet over a fan-out stream's publication (MDC or multicast, {@code fc=min} without a group
 * size): connected once all its members have joined, so none misses the first messages; after that
 * while any is there, so a member that died is dropped by the flow control (its status messages
 * stop) and the others go on instead of waiting for it forever. Its timeslices are lost there, as
 * its death says. Does not own the publication.
 */
final class FanOutOutlet implements Outlet
{
    /** Key layout of Aeron's stream counters: registration id, then session id, then stream id. */
    private static final int SESSION_ID_OFFSET = 8;
    private static final int STREAM_ID_OFFSET = 12;

    private final Publication publication;
    private final CountersReader counters;
    private final int members;
    private final String description;
    private int receiversCounterId = CountersReader.NULL_COUNTER_ID;
    private boolean allJoined;

    FanOutOutlet(final Aeron aeron, final Publication publication, final int members)
    {
        this.publication = publication;
        this.counters = aeron.countersReader();
        this.members = members;
        this.description = "fan-out stream " + publication.streamId() + " to " + members + " consumers";
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
        if (!allJoined)
        {
            allJoined = publication.isConnected() && receivers() >= members;
        }
        return allJoined && publication.isConnected();
    }

    /** The receivers the flow control tracks now (its {@code fc-receivers} counter); 0 until the driver made it. */
    private long receivers()
    {
        if (receiversCounterId == CountersReader.NULL_COUNTER_ID)
        {
            counters.forEach((counterId, typeId, key, label) ->
            {
                if (typeId == AeronCounters.FLOW_CONTROL_RECEIVERS_COUNTER_TYPE_ID &&
                    key.getInt(SESSION_ID_OFFSET) == publication.sessionId() && key.getInt(STREAM_ID_OFFSET) == publication.streamId())
                {
                    receiversCounterId = counterId;
                }
            });
            if (receiversCounterId == CountersReader.NULL_COUNTER_ID)
            {
                return 0;
            }
        }
        return counters.getCounterValue(receiversCounterId);
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
