package org.jdpl.framework.runner;

import org.agrona.DirectBuffer;
import org.agrona.ExpandableDirectByteBuffer;
import org.agrona.collections.Int2ObjectHashMap;
import org.jdpl.transport.DataHeaderFlyweight;
import org.jdpl.transport.MessageLayout;

/**
 * Puts payloads that crossed hosts in parts ({@link RemoteSender}) back together, per producer
 * session (Aeron keeps each session in order, and a producer sends the parts of one payload one
 * after the other). The whole message, header block then payload, is kept in a buffer per session
 * that grows to the largest payload seen and is reused, so steady state allocates nothing.
 */
final class ChunkReassembler
{
    /** What {@link #onPart} made of a part. */
    static final int INCOMPLETE = 0;
    static final int COMPLETE = 1;
    static final int OUT_OF_ORDER = -1;

    private final Int2ObjectHashMap<Assembly> assemblies = new Int2ObjectHashMap<>();
    private long partsReceived;

    /**
     * Takes one part (a checked message at {@code offset}, {@code dataHeader} wrapped over it); on
     * COMPLETE, {@link #buffer(int)} holds the whole message of {@link #length(int)} bytes.
     */
    int onPart(final int sessionId, final DataHeaderFlyweight dataHeader, final DirectBuffer buffer, final int offset)
    {
        partsReceived++;
        final int parts = dataHeader.splitPayloadParts();
        final int index = dataHeader.splitPayloadIndex();
        final int partBytes = (int)dataHeader.payloadSize();
        Assembly assembly = assemblies.get(sessionId);
        if (assembly == null)
        {
            assembly = new Assembly();
            assemblies.put(sessionId, assembly);
        }
        if (index != assembly.nextIndex || index >= parts)
        {
            assembly.nextIndex = 0;
            return OUT_OF_ORDER;
        }
        if (index == 0)
        {
            assembly.buffer.putBytes(0, buffer, offset, MessageLayout.PAYLOAD_OFFSET);
            assembly.length = MessageLayout.PAYLOAD_OFFSET;
        }
        assembly.buffer.putBytes(assembly.length, buffer, offset + MessageLayout.PAYLOAD_OFFSET, partBytes);
        assembly.length += partBytes;
        assembly.nextIndex = index + 1;
        if (assembly.nextIndex < parts)
        {
            return INCOMPLETE;
        }
        assembly.nextIndex = 0;
        // The whole message now says what it is: one part of the full size.
        assembly.header.wrap(assembly.buffer, 0);
        assembly.header.payloadSize(assembly.length - MessageLayout.PAYLOAD_OFFSET).splitPayload(1, 0);
        return COMPLETE;
    }

    DirectBuffer buffer(final int sessionId)
    {
        return assemblies.get(sessionId).buffer;
    }

    int length(final int sessionId)
    {
        return assemblies.get(sessionId).length;
    }

    long partsReceived()
    {
        return partsReceived;
    }

    private static final class Assembly
    {
        final ExpandableDirectByteBuffer buffer = new ExpandableDirectByteBuffer(64 * 1024);
        final DataHeaderFlyweight header = new DataHeaderFlyweight();
        int length;
        int nextIndex;
    }
}
