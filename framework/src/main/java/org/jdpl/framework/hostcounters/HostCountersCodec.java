package org.jdpl.framework.hostcounters;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * One message: the counter values of one device replica, from the host that runs it. Small (well
 * inside one UDP frame) so that a lost frame costs one replica one update, never a reassembly.
 * <pre>
 *   0  int  host index (in the plan's hosts)
 *   4  int  device index (in the plan's devices)
 *   8  int  replica
 *  12  int  value count
 *  16  long values[count], in counter id order
 * </pre>
 */
final class HostCountersCodec
{
    static final int HOST_OFFSET = 0;
    static final int DEVICE_OFFSET = 4;
    static final int REPLICA_OFFSET = 8;
    static final int COUNT_OFFSET = 12;
    static final int VALUES_OFFSET = 16;

    private HostCountersCodec()
    {
    }

    static int length(final int count)
    {
        return VALUES_OFFSET + count * Long.BYTES;
    }

    /** Writes the header; the values follow at {@link #valueOffset}. Returns the message's length. */
    static int encodeHeader(final MutableDirectBuffer buffer, final int hostIndex, final int deviceIndex, final int replica, final int count)
    {
        buffer.putInt(HOST_OFFSET, hostIndex);
        buffer.putInt(DEVICE_OFFSET, deviceIndex);
        buffer.putInt(REPLICA_OFFSET, replica);
        buffer.putInt(COUNT_OFFSET, count);
        return length(count);
    }

    static int valueOffset(final int offset, final int index)
    {
        return offset + VALUES_OFFSET + index * Long.BYTES;
    }

    static int hostIndex(final DirectBuffer buffer, final int offset)
    {
        return buffer.getInt(offset + HOST_OFFSET);
    }

    static int deviceIndex(final DirectBuffer buffer, final int offset)
    {
        return buffer.getInt(offset + DEVICE_OFFSET);
    }

    static int replica(final DirectBuffer buffer, final int offset)
    {
        return buffer.getInt(offset + REPLICA_OFFSET);
    }

    static int count(final DirectBuffer buffer, final int offset)
    {
        return buffer.getInt(offset + COUNT_OFFSET);
    }
}
