package org.jdpl.framework.hostcounters;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * What the launching host tells every host agent of a run: {@link #STOP} (the user stopped the run:
 * sources end the stream and the rest drains), {@link #ABORT} (the run failed on another host: every
 * device stops at once, as after a failure on this host) and {@link #REPLICA_LOST} (an expendable
 * replica on another host is gone with its host: its consumers here get its end of stream, its
 * producers here drop what they hold for it). Encoded as the command, its number in the run (agents
 * act on each number once; commands are repeated) and a text: the reason, or the lost replica as
 * {@code name#replica}, and the run's tag ({@link MessageAuthenticator}): agents drop a command without it.
 */
public enum HostCommand
{
    STOP,
    ABORT,
    REPLICA_LOST;

    /** Texts are for logs and names; one that long is cut so that a message fits one UDP frame. */
    static final int MAX_TEXT_CHARS = 1000;
    static final int MAX_LENGTH = 3 * Integer.BYTES + 3 * MAX_TEXT_CHARS + MessageAuthenticator.TAG_BYTES;
    private static final int NUMBER_OFFSET = Integer.BYTES;
    private static final int TEXT_OFFSET = 2 * Integer.BYTES;
    private static final HostCommand[] VALUES = values();

    /** Encodes this command, number {@code number} of the run, with {@code text} at {@code offset}; returns its length. */
    int encode(final MutableDirectBuffer buffer, final int offset, final int number, final String text)
    {
        buffer.putInt(offset, ordinal());
        buffer.putInt(offset + NUMBER_OFFSET, number);
        final String cut = text.length() > MAX_TEXT_CHARS ? text.substring(0, MAX_TEXT_CHARS) : text;
        return TEXT_OFFSET + buffer.putStringUtf8(offset + TEXT_OFFSET, cut);
    }

    /** The command at {@code offset}, or null when the message is none. */
    static HostCommand decode(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < TEXT_OFFSET + Integer.BYTES)
        {
            return null;
        }
        final int ordinal = buffer.getInt(offset);
        return ordinal >= 0 && ordinal < VALUES.length ? VALUES[ordinal] : null;
    }

    static int number(final DirectBuffer buffer, final int offset)
    {
        return buffer.getInt(offset + NUMBER_OFFSET);
    }

    static String text(final DirectBuffer buffer, final int offset)
    {
        return buffer.getStringUtf8(offset + TEXT_OFFSET);
    }
}
