package org.jdpl.framework.channel;

import io.aeron.Aeron;
import io.aeron.AeronCounters;
import io.aeron.Publication;
import org.agrona.concurrent.status.CountersReader;

/**
 * Whether every member of a fan-out stream (MDC or multicast, {@code fc=min} without a group size)
 * has joined it, from the flow control's {@code fc-receivers} counter, so that the producer sends
 * nothing a member would miss. Latched: once all joined, a member that dies is dropped by the flow
 * control (its status messages stop) and the others go on instead of waiting for it forever; its
 * timeslices are lost there, as its death says.
 */
final class FanOutMembers
{
    /** Key layout of Aeron's stream counters: registration id, then session id, then stream id. */
    private static final int SESSION_ID_OFFSET = 8;
    private static final int STREAM_ID_OFFSET = 12;

    private final Publication publication;
    private final CountersReader counters;
    private final int members;
    private int receiversCounterId = CountersReader.NULL_COUNTER_ID;
    private boolean allJoined;

    FanOutMembers(final Aeron aeron, final Publication publication, final int members)
    {
        this.publication = publication;
        this.counters = aeron.countersReader();
        this.members = members;
    }

    boolean allJoined()
    {
        if (!allJoined)
        {
            allJoined = receivers() >= members;
        }
        return allJoined;
    }

    /** The receivers the flow control tracks now; 0 until the media driver made the counter. */
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
}
