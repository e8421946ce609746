package org.jdpl.transport;

import java.nio.ByteOrder;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Commands on the control stream, from the Driver to every device. A command is 16 bytes,
 * little-endian: int32 command id, int32 reserved (0), int64 argument (command specific; 0 when
 * unused). Receivers ignore command ids they do not know, so new commands can be added without
 * breaking older devices.
 */
public final class ControlCommandCodec
{
    public static final int LENGTH = 16;
    public static final int COMMAND_OFFSET = 0;
    public static final int ARGUMENT_OFFSET = 8;

    /** Sources stop producing and end their streams; others go on until end of stream reaches them. */
    public static final int STOP = 1;
    /** Sources stop producing until RESUME (downstream idles); other devices ignore it. */
    public static final int PAUSE = 2;
    /** Undoes PAUSE. */
    public static final int RESUME = 3;
    /** Reserved: change the log level; argument = level ordinal. */
    public static final int LOG_LEVEL = 4;

    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private ControlCommandCodec()
    {
    }

    /** Writes a command at {@code offset}; returns its length. */
    public static int encode(final MutableDirectBuffer buffer, final int offset, final int command, final long argument)
    {
        buffer.putInt(offset + COMMAND_OFFSET, command, ORDER);
        buffer.putInt(offset + COMMAND_OFFSET + 4, 0, ORDER);
        buffer.putLong(offset + ARGUMENT_OFFSET, argument, ORDER);
        return LENGTH;
    }

    /** The command id, or 0 when the message is too short to be a command. */
    public static int command(final DirectBuffer buffer, final int offset, final int length)
    {
        return length < LENGTH ? 0 : buffer.getInt(offset + COMMAND_OFFSET, ORDER);
    }

    public static long argument(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + ARGUMENT_OFFSET, ORDER);
    }

    public static String name(final int command)
    {
        return switch (command)
        {
            case STOP -> "STOP";
            case PAUSE -> "PAUSE";
            case RESUME -> "RESUME";
            case LOG_LEVEL -> "LOG_LEVEL";
            default -> "command " + command;
        };
    }
}
