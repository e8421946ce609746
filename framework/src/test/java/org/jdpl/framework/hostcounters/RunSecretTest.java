package org.jdpl.framework.hostcounters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunSecretTest
{
    @TempDir
    Path dir;

    @Test
    void shouldKeepTheKeyInAFileOnlyItsUserCanReadAndReadTheSameKeyBack() throws IOException
    {
        final RunSecret secret = RunSecret.generate();
        final Path file = dir.resolve("secret");
        secret.writeTo(file);

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        final UnsafeBuffer message = new UnsafeBuffer(new byte[64]);
        final int length = secret.authenticator(MessageAuthenticator.Kind.COMMAND).sign(message, 0, 8);
        assertTrue(RunSecret.readFrom(file).authenticator(MessageAuthenticator.Kind.COMMAND).verify(message, 0, length), "the same key");
        assertThrows(IOException.class, () -> secret.writeTo(file), "never overwrites another run's secret");
    }

    @Test
    void shouldRefuseASecretOthersCanRead() throws IOException
    {
        final Path file = dir.resolve("secret");
        RunSecret.generate().writeTo(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        final IOException error = assertThrows(IOException.class, () -> RunSecret.readFrom(file));
        assertTrue(error.getMessage().contains("readable by others") && error.getMessage().contains("chmod 600"), error.getMessage());
    }
}
