package org.jdpl.framework.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.jdpl.framework.run.DeviceReport;
import org.jdpl.framework.run.RunManifest;

/**
 * Reads and writes the run's JSON files (run.json, device reports) with Jackson, straight from the
 * records. Unknown properties are ignored on reading: records' derived accessors
 * ({@code isSource()}) appear in what a default mapper writes.
 */
public final class RunFiles
{
    private static final ObjectMapper MAPPER = new ObjectMapper()
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
        .enable(SerializationFeature.INDENT_OUTPUT);

    private RunFiles()
    {
    }

    public static RunManifest readManifest(final Path file) throws IOException
    {
        return MAPPER.readValue(file.toFile(), RunManifest.class);
    }

    public static void writeManifest(final Path file, final RunManifest manifest) throws IOException
    {
        write(file, manifest);
    }

    public static DeviceReport readReport(final Path file) throws IOException
    {
        return MAPPER.readValue(file.toFile(), DeviceReport.class);
    }

    /** Writes the report whole or not at all (written to a temporary file, then moved into place). */
    public static void writeReport(final Path file, final DeviceReport report) throws IOException
    {
        write(file, report);
    }

    private static void write(final Path file, final Object value) throws IOException
    {
        final Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        final Path temporary = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
        try
        {
            MAPPER.writeValue(temporary.toFile(), value);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        finally
        {
            Files.deleteIfExists(temporary);
        }
    }
}
