package org.jdpl.framework.hostcounters;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * What the launching host tells every host agent of a run: {@link #STOP} (the user stopped the run:
 * sources end the stream and the rest drains) or {@link #ABORT} (the run failed on another host:
 * every device stops at once, as after a failure on this host). Encoded as an int, then the reason.
 */
public enum HostCommand
{
    STOP,
    ABORT;

    /** Reasons are for logs; one that long is cut so that a message fits one UDP frame. */
    static final int MAX_REASON_CHARS = 1000;
    static final int MAX_LENGTH = Integer.BYTES + Integer.BYTES + 3 * MAX_REASON_CHARS;

    /** Encodes this command with {@code reason} at {@code offset}; returns its length. */
    int encode(final MutableDirectBuffer buffer, final int offset, final String reason)
    {
        buffer.putInt(offset, ordinal());
        final String cut = reason.length() > MAX_REASON_CHARS ? reason.substring(0, MAX_REASON_CHARS) : reason;
        return Integer.BYTES + buffer.putStringUtf8(offset + Integer.BYTES, cut);
    }

    /** The command at {@code offset}, or null when the message is none. */
    static HostCommand decode(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < 2 * Integer.BYTES)
        {
            return null;
        }
        final int ordinal = buffer.getInt(offset);
        return ordinal >= 0 && ordinal < values().length ? values()[ordinal] : null;
    }

    static String reason(final DirectBuffer buffer, final int offset)
    {
        return buffer.getStringUtf8(offset + Integer.BYTES);
    }
}
