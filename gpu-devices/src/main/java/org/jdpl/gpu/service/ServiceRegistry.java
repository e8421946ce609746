package org.jdpl.gpu.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Where services register and clients find them: {@code <runs dir>/services/<name>.json}, beside the
 * runs themselves, so every run with the same runs directory (and {@code dpl status}) sees the same
 * services. A file is replaced whole (written aside, then renamed), so a reader never sees half of it.
 */
public final class ServiceRegistry
{
    public static final String DIR = "services";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;

    public ServiceRegistry(final Path runsDir)
    {
        this.dir = runsDir.resolve(DIR);
    }

    public Path dir()
    {
        return dir;
    }

    public Path file(final String name)
    {
        return dir.resolve(name + ".json");
    }

    /** Writes (or replaces) a service's registration. */
    public void write(final ServiceRecord record)
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", record.name());
        m.put("step", record.step().deviceType());
        m.put("pid", record.pid());
        m.put("aeronDir", record.aeronDir().toString());
        m.put("gpu", record.gpu());
        m.put("instances", record.instances());
        m.put("maxBatch", record.maxBatch());
        m.put("maxQueueDelayMs", record.maxQueueDelayMs());
        m.put("startedMs", record.startedMs());
        m.put("counters", record.counters());
        try
        {
            Files.createDirectories(dir);
            final Path aside = dir.resolve("." + record.name() + ".json.tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(aside.toFile(), m);
            try
            {
                Files.move(aside, file(record.name()), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            catch (final AtomicMoveNotSupportedException e)
            {
                Files.move(aside, file(record.name()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot register service " + record.name() + " in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The registration of {@code name}, or null when there is none. */
    public ServiceRecord find(final String name)
    {
        return read(file(name));
    }

    /** Every registration, dead ones included, by name. */
    public List<ServiceRecord> list()
    {
        final List<ServiceRecord> records = new ArrayList<>();
        if (!Files.isDirectory(dir))
        {
            return records;
        }
        try (Stream<Path> files = Files.list(dir))
        {
            for (final Path f : files.filter(p -> p.getFileName().toString().endsWith(".json") &&
                !p.getFileName().toString().startsWith(".")).sorted().toList())
            {
                final ServiceRecord r = read(f);
                if (r != null)
                {
                    records.add(r);
                }
            }
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot list the services in " + dir + ": " + e.getMessage(), e);
        }
        return records;
    }

    /** Removes {@code name}'s registration if it is still {@code pid}'s (a newer service of that name keeps its own). */
    public void remove(final String name, final long pid)
    {
        final ServiceRecord r = find(name);
        if (r != null && r.pid() == pid)
        {
            try
            {
                Files.deleteIfExists(file(name));
            }
            catch (final IOException e)
            {
                // Left behind, it reads as a dead service: said, not hidden.
            }
        }
    }

    private static ServiceRecord read(final Path file)
    {
        if (!Files.isRegularFile(file))
        {
            return null;
        }
        try
        {
            final JsonNode n = JSON.readTree(file.toFile());
            final ServiceStep step = ServiceStep.of(n.path("step").asText());
            if (step == null)
            {
                return null;
            }
            return new ServiceRecord(n.path("name").asText(), step, n.path("pid").asLong(), Path.of(n.path("aeronDir").asText()),
                n.path("gpu").asText(), n.path("instances").asInt(), n.path("maxBatch").asInt(), n.path("maxQueueDelayMs").asLong(),
                n.path("startedMs").asLong(), n.path("counters"));
        }
        catch (final IOException e)
        {
            return null; // being replaced or foreign: not a registration
        }
    }
}
