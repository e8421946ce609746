package org.jdpl.framework.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a device's report ({@link RunLayout#report}) as JSON without a JSON library ({@link ReportJson}), whole or not at all. */
public final class ReportFile
{
    private ReportFile()
    {
    }

    public static void write(final Path file, final DeviceReport report) throws IOException
    {
        final Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        final Path temporary = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
        try
        {
            Files.writeString(temporary, ReportJson.of(report), StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        finally
        {
            Files.deleteIfExists(temporary);
        }
    }
}
