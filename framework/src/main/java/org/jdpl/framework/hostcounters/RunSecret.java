package org.jdpl.framework.hostcounters;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/**
 * The random key of one run across hosts, made by the launching host when the run starts and kept
 * in a file only its user can read (0600) in the run directory, which every host reads; the host
 * agents are told that file's path. Commands and counters between the hosts carry a tag made with
 * it ({@link MessageAuthenticator}): a message without the right tag is dropped and counted.
 */
public final class RunSecret
{
    static final int KEY_BYTES = 32;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;

    private RunSecret(final byte[] key)
    {
        this.key = key;
    }

    public static RunSecret generate()
    {
        final byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return new RunSecret(key);
    }

    /** A secret from known bytes (tests: two runs, or a stranger, with keys of their own). */
    static RunSecret of(final byte[] key)
    {
        return new RunSecret(key.clone());
    }

    /** Writes the key to a new file, readable and writable by this user only from its creation. */
    public void writeTo(final Path file) throws IOException
    {
        try
        {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        }
        catch (final FileAlreadyExistsException ex)
        {
            throw new IOException("the run secret " + file + " already exists: another run uses this run directory", ex);
        }
        Files.writeString(file, HexFormat.of().formatHex(key));
    }

    /**
     * Reads the key the launching host wrote.
     *
     * @throws IOException when it cannot be read, or other users can read it (then it is no secret)
     */
    public static RunSecret readFrom(final Path file) throws IOException
    {
        final Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (!OWNER_ONLY.containsAll(permissions))
        {
            throw new IOException("the run secret " + file + " is readable by others (" + PosixFilePermissions.toString(permissions) +
                "); it must be rw------- (chmod 600), or anyone could command this run");
        }
        final String text = Files.readString(file).strip();
        try
        {
            final byte[] key = HexFormat.of().parseHex(text);
            if (key.length != KEY_BYTES)
            {
                throw new IOException("the run secret " + file + " holds " + key.length + " bytes, not " + KEY_BYTES);
            }
            return new RunSecret(key);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IOException("the run secret " + file + " is not hexadecimal", ex);
        }
    }

    /** A fresh authenticator of messages of one kind (one per thread: it keeps scratch state). */
    public MessageAuthenticator authenticator(final MessageAuthenticator.Kind kind)
    {
        return new MessageAuthenticator(key, kind);
    }
}
