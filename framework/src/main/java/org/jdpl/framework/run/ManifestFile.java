package org.jdpl.framework.run;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The run manifest as device processes read it ({@link RunLayout#deviceManifest}, beside run.json):
 * {@link ManifestCodec} after a magic word, read with plain JDK code. run.json stays for people and tools.
 */
public final class ManifestFile
{
    private static final long MAGIC = 0x4A44504C_4D414E31L; // "JDPLMAN1"

    private ManifestFile()
    {
    }

    /** Writes it whole or not at all (a temporary file, then moved into place). */
    public static void write(final Path file, final RunManifest manifest) throws IOException
    {
        final Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        final Path temporary = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
        try
        {
            try (OutputStream stream = Files.newOutputStream(temporary);
                DataOutputStream out = new DataOutputStream(new BufferedOutputStream(stream)))
            {
                out.writeLong(MAGIC);
                ManifestCodec.write(out, manifest);
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        finally
        {
            Files.deleteIfExists(temporary);
        }
    }

    public static RunManifest read(final Path file) throws IOException
    {
        try (InputStream stream = Files.newInputStream(file); DataInputStream in = new DataInputStream(new BufferedInputStream(stream)))
        {
            if (in.readLong() != MAGIC)
            {
                throw new IOException(file + " is not a device manifest (" + RunLayout.DEVICE_MANIFEST_FILE + " written by the Driver)");
            }
            return ManifestCodec.read(in);
        }
        catch (final java.io.EOFException e)
        {
            throw new IOException(file + " ends early: not a whole device manifest", e);
        }
        catch (final RuntimeException e)
        {
            throw new IOException(file + " is not a device manifest of this build: " + e.getMessage(), e);
        }
    }
}
