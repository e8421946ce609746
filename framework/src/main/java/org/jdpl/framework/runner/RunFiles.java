package org.jdpl.framework.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.jdpl.framework.run.DeviceReport;
import org.jdpl.framework.run.ManifestFile;
import org.jdpl.framework.run.ReportFile;
import org.jdpl.framework.run.RunLayout;
import org.jdpl.framework.run.RunManifest;

/**
 * Reads and writes the run's JSON files (run.json, device reports) with Jackson, straight from the
 * records; the Driver's and the tools' side. Device processes use {@link ManifestFile} and
 * {@link ReportFile}, which need no JSON library. Unknown properties are ignored on reading: records' derived accessors
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

    /**
     * Writes {@code file} (run.json, for people and tools) and, beside it, the compact form device
     * processes read ({@link ManifestFile}, {@link RunLayout#deviceManifest}).
     */
    public static void writeManifest(final Path file, final RunManifest manifest) throws IOException
    {
        write(file, manifest);
        ManifestFile.write(RunLayout.deviceManifest(file.toAbsolutePath().getParent()), manifest);
    }

    public static DeviceReport readReport(final Path file) throws IOException
    {
        return MAPPER.readValue(file.toFile(), DeviceReport.class);
    }

    /** Writes the report whole or not at all, as a device process does ({@link ReportFile}: no Jackson there). */
    public static void writeReport(final Path file, final DeviceReport report) throws IOException
    {
        ReportFile.write(file, report);
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
