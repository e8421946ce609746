package org.jdpl.transport.durable;

import org.agrona.DirectBuffer;

/** Takes a message read from a durable queue, valid only during the call (no allocation per message). */
@FunctionalInterface
public interface DurableMessageHandler
{
    /**
     * @param buffer  the message, header block then payload, read in place in the queue file
     * @param index   its queue index, to acknowledge once processed
     */
    void onMessage(DirectBuffer buffer, int offset, int length, long index);
}
