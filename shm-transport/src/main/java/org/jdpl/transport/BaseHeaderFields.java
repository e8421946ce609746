package org.jdpl.transport;

import java.nio.ByteOrder;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * O2's BaseHeader, the 32 bytes every O2 header starts with: magic, headerSize, flags, headerVersion,
 * description (8 chars), serialization (8 chars). Shared by both header flyweights.
 */
final class BaseHeaderFields
{
    static final int MAGIC_OFFSET = 0;
    static final int HEADER_SIZE_OFFSET = 4;
    static final int FLAGS_OFFSET = 8;
    static final int HEADER_VERSION_OFFSET = 12;
    static final int DESCRIPTION_OFFSET = 16;
    static final int SERIALIZATION_OFFSET = 24;
    static final int BASE_HEADER_SIZE = 32;
    static final int NAME_LENGTH = 8;

    static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private BaseHeaderFields()
    {
    }

    static void write(
        final MutableDirectBuffer buffer,
        final int offset,
        final int headerSize,
        final int flags,
        final int headerVersion,
        final String description)
    {
        buffer.putInt(offset + MAGIC_OFFSET, MessageLayout.MAGIC, ORDER);
        buffer.putInt(offset + HEADER_SIZE_OFFSET, headerSize, ORDER);
        buffer.putInt(offset + FLAGS_OFFSET, flags, ORDER);
        buffer.putInt(offset + HEADER_VERSION_OFFSET, headerVersion, ORDER);
        putPadded(buffer, offset + DESCRIPTION_OFFSET, description, NAME_LENGTH);
        putPadded(buffer, offset + SERIALIZATION_OFFSET, "NONE", NAME_LENGTH);
    }

    /** Writes ASCII {@code text} into a fixed-width, zero-padded field. */
    static void putPadded(final MutableDirectBuffer buffer, final int index, final String text, final int width)
    {
        final int length = text.length();
        if (length > width)
        {
            throw new IllegalArgumentException("'" + text + "' is longer than its " + width + "-character field");
        }
        for (int i = 0; i < width; i++)
        {
            buffer.putByte(index + i, i < length ? (byte)text.charAt(i) : 0);
        }
    }

    /** Reads a fixed-width, zero-padded ASCII field (allocates: for tools and messages, not the hot path). */
    static String getPadded(final DirectBuffer buffer, final int index, final int width)
    {
        final StringBuilder text = new StringBuilder(width);
        for (int i = 0; i < width; i++)
        {
            final byte b = buffer.getByte(index + i);
            if (b == 0)
            {
                break;
            }
            text.append((char)(b & 0xFF));
        }
        return text.toString();
    }

    /** Whether a fixed-width field holds exactly {@code text}, zero padded (no allocation). */
    static boolean paddedEquals(final DirectBuffer buffer, final int index, final String text, final int width)
    {
        final int length = text.length();
        if (length > width)
        {
            return false;
        }
        for (int i = 0; i < width; i++)
        {
            final byte expected = i < length ? (byte)text.charAt(i) : 0;
            if (buffer.getByte(index + i) != expected)
            {
                return false;
            }
        }
        return true;
    }
}
