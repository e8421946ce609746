package org.jdpl.framework.hostcounters;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MessageAuthenticatorTest
{
    private static final byte[] KEY = new byte[RunSecret.KEY_BYTES];

    static
    {
        for (int i = 0; i < KEY.length; i++)
        {
            KEY[i] = (byte)(31 * i + 7);
        }
    }

    @Test
    void shouldTagWithHmacSha256OfTheKindAndTheMessage() throws Exception
    {
        final byte[] body = "STOP the user stopped the run".getBytes(StandardCharsets.UTF_8);
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[body.length + MessageAuthenticator.TAG_BYTES]);
        buffer.putBytes(0, body);

        final int length = RunSecret.of(KEY).authenticator(MessageAuthenticator.Kind.COUNTERS).sign(buffer, 0, body.length);

        final Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        mac.update((byte)MessageAuthenticator.Kind.COUNTERS.ordinal());
        final byte[] reference = Arrays.copyOf(mac.doFinal(body), MessageAuthenticator.TAG_BYTES);
        final byte[] tag = new byte[MessageAuthenticator.TAG_BYTES];
        buffer.getBytes(body.length, tag);
        assertEquals(body.length + MessageAuthenticator.TAG_BYTES, length);
        assertArrayEquals(reference, tag, "the JDK's HMAC-SHA256, cut to 16 bytes");
    }

    @Test
    void shouldRefuseAChangedMessageAnotherKindAnotherKeyAndNoTag()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64]);
        buffer.putStringUtf8(0, "ABORT h2 failed");
        final MessageAuthenticator commands = RunSecret.of(KEY).authenticator(MessageAuthenticator.Kind.COMMAND);
        final int length = commands.sign(buffer, 0, 20);
        assertTrue(commands.verify(buffer, 0, length));

        assertFalse(RunSecret.of(KEY).authenticator(MessageAuthenticator.Kind.COUNTERS).verify(buffer, 0, length), "another kind");
        assertFalse(RunSecret.generate().authenticator(MessageAuthenticator.Kind.COMMAND).verify(buffer, 0, length), "another key");
        assertFalse(commands.verify(buffer, 0, 20), "no tag");
        assertFalse(commands.verify(buffer, 0, MessageAuthenticator.TAG_BYTES - 1), "shorter than a tag");
        buffer.putByte(5, (byte)(buffer.getByte(5) ^ 1));
        assertFalse(commands.verify(buffer, 0, length), "one bit changed");
    }
}
