package org.jdpl.framework.hostcounters;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Tags messages between the hosts of one run with HMAC-SHA256 under the {@link RunSecret}, cut to
 * {@value #TAG_BYTES} bytes, appended to the message. The message's kind goes into the tag first, so
 * a tagged counters message is no command. Reuses its buffers: nothing is allocated per message
 * (so HMAC is written out over {@link MessageDigest}, RFC 2104: {@code javax.crypto.Mac} allocates its
 * digests on every call).
 */
public final class MessageAuthenticator
{
    /** 128 bits: a forger's chance per try is 2^-128. */
    public static final int TAG_BYTES = 16;
    private static final String DIGEST = "SHA-256";
    private static final int MAC_BYTES = 32;
    private static final int BLOCK_BYTES = 64;
    private static final byte IPAD = 0x36;
    private static final byte OPAD = 0x5c;

    /** What a message is: its tag is made over this too. */
    public enum Kind
    {
        COMMAND,
        COUNTERS
    }

    private final MessageDigest digest;
    private final byte[] innerPad = new byte[BLOCK_BYTES];
    private final byte[] outerPad = new byte[BLOCK_BYTES];
    private final Kind kind;
    private final byte[] inner = new byte[MAC_BYTES];
    private final byte[] expected = new byte[MAC_BYTES];
    private byte[] scratch = new byte[256];

    MessageAuthenticator(final byte[] key, final Kind kind)
    {
        this.kind = kind;
        if (key.length > BLOCK_BYTES)
        {
            throw new IllegalArgumentException("a key of " + key.length + " bytes is longer than a SHA-256 block");
        }
        for (int i = 0; i < BLOCK_BYTES; i++)
        {
            final byte k = i < key.length ? key[i] : 0;
            innerPad[i] = (byte)(k ^ IPAD);
            outerPad[i] = (byte)(k ^ OPAD);
        }
        try
        {
            digest = MessageDigest.getInstance(DIGEST);
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException("this JVM has no " + DIGEST + ": " + ex.getMessage(), ex);
        }
    }

    /** Appends the tag of the {@code length} bytes at {@code offset}; returns the tagged length. */
    public int sign(final MutableDirectBuffer buffer, final int offset, final int length)
    {
        compute(buffer, offset, length);
        buffer.putBytes(offset + length, expected, 0, TAG_BYTES);
        return length + TAG_BYTES;
    }

    /** True when the last {@value #TAG_BYTES} of the {@code length} bytes at {@code offset} are the tag of those before them. */
    public boolean verify(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < TAG_BYTES)
        {
            return false;
        }
        final int body = length - TAG_BYTES;
        compute(buffer, offset, body);
        int difference = 0;
        for (int i = 0; i < TAG_BYTES; i++)
        {
            difference |= expected[i] ^ buffer.getByte(offset + body + i); // no early exit: the time says nothing of where they differ
        }
        return difference == 0;
    }

    private void compute(final DirectBuffer buffer, final int offset, final int length)
    {
        if (scratch.length < length)
        {
            scratch = new byte[Math.max(length, 2 * scratch.length)];
        }
        buffer.getBytes(offset, scratch, 0, length);
        try
        {
            digest.update(innerPad);
            digest.update((byte)kind.ordinal());
            digest.update(scratch, 0, length);
            digest.digest(inner, 0, MAC_BYTES);
            digest.update(outerPad);
            digest.update(inner);
            digest.digest(expected, 0, MAC_BYTES);
        }
        catch (final DigestException ex)
        {
            throw new IllegalStateException(ex);
        }
    }
}
