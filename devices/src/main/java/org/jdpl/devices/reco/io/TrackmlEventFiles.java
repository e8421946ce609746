package org.jdpl.devices.reco.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.agrona.collections.Long2LongHashMap;
import org.jdpl.devices.reco.event.SourceEvent;
import org.jdpl.devices.reco.geometry.ModuleId;

/**
 * The events of a TrackML directory: {@code eventNNN-hits.csv[.gz]} with its {@code -truth} and
 * {@code -particles} files (required) and {@code -cells} (optional: without it the hits are sent as
 * spacepoints and clusterization is skipped).
 */
public final class TrackmlEventFiles
{
    private static final Pattern HITS = Pattern.compile("event(\\d+)-hits\\.csv(\\.gz)?");

    private final Path directory;
    private final TreeMap<Long, String> digitsById;

    private TrackmlEventFiles(final Path directory, final TreeMap<Long, String> digitsById)
    {
        this.directory = directory;
        this.digitsById = digitsById;
    }

    /** Lists the events of {@code directory}; no events is an error naming the directory. */
    public static TrackmlEventFiles scan(final Path directory)
    {
        if (!Files.isDirectory(directory))
        {
            throw new TrackmlFormatException(directory + ": not a directory (set the reader's 'path' option to a TrackML event directory)");
        }
        final TreeMap<Long, String> found = new TreeMap<>();
        try (Stream<Path> files = Files.list(directory))
        {
            files.forEach(file ->
            {
                final Matcher m = HITS.matcher(file.getFileName().toString());
                if (m.matches())
                {
                    found.put(Long.parseLong(m.group(1)), m.group(1));
                }
            });
        }
        catch (final IOException e)
        {
            throw new TrackmlFormatException(directory + ": cannot list: " + e.getMessage(), e);
        }
        if (found.isEmpty())
        {
            throw new TrackmlFormatException(directory + ": no eventNNN-hits.csv or eventNNN-hits.csv.gz files");
        }
        return new TrackmlEventFiles(directory, found);
    }

    public List<Long> eventIds()
    {
        return new ArrayList<>(digitsById.keySet());
    }

    public Path directory()
    {
        return directory;
    }

    /** Reads event {@code eventId} (one of {@link #eventIds()}). */
    public SourceEvent read(final long eventId)
    {
        final String prefix = "event" + digitsById.get(eventId) + "-";
        final CsvTable hits = CsvTable.read(require(prefix, "hits"));
        final CsvTable truth = CsvTable.read(require(prefix, "truth"));
        final CsvTable particles = CsvTable.read(require(prefix, "particles"));
        final Path cellsFile = optional(prefix, "cells");
        final SourceEvent event = new SourceEvent(eventId);

        final int hitIdColumn = hits.column("hit_id");
        final int x = hits.column("x");
        final int y = hits.column("y");
        final int z = hits.column("z");
        final int volume = hits.column("volume_id");
        final int layer = hits.column("layer_id");
        final int module = hits.column("module_id");
        final Long2LongHashMap moduleOfHit = new Long2LongHashMap(hits.rowCount() * 2, 0.6f, -1);
        for (int row = 0; row < hits.rowCount(); row++)
        {
            final int moduleId;
            try
            {
                moduleId = ModuleId.of(hits.getInt(row, volume), hits.getInt(row, layer), hits.getInt(row, module));
            }
            catch (final IllegalArgumentException e)
            {
                throw new TrackmlFormatException(hits.file() + ":" + (row + 2) + ": " + e.getMessage());
            }
            final long hitId = hits.getLong(row, hitIdColumn);
            moduleOfHit.put(hitId, moduleId);
            if (cellsFile == null)
            {
                event.addHit(hitId, (float)hits.getDouble(row, x), (float)hits.getDouble(row, y), (float)hits.getDouble(row, z), moduleId);
            }
        }
        if (cellsFile != null)
        {
            readCells(CsvTable.read(cellsFile), moduleOfHit, event);
        }
        final int truthHit = truth.column("hit_id");
        final int truthParticle = truth.column("particle_id");
        final int weight = truth.column("weight");
        for (int row = 0; row < truth.rowCount(); row++)
        {
            event.addTruth(truth.getLong(row, truthHit), truth.getLong(row, truthParticle), (float)truth.getDouble(row, weight));
        }
        readParticles(particles, event);
        return event;
    }

    private static void readCells(final CsvTable cells, final Long2LongHashMap moduleOfHit, final SourceEvent event)
    {
        final int hitId = cells.column("hit_id");
        final int ch0 = cells.column("ch0");
        final int ch1 = cells.column("ch1");
        final int value = cells.column("value");
        for (int row = 0; row < cells.rowCount(); row++)
        {
            final long hit = cells.getLong(row, hitId);
            final long module = moduleOfHit.get(hit);
            if (module == -1)
            {
                throw new TrackmlFormatException(cells.file() + ":" + (row + 2) + ": hit_id " + hit + " is not in the hits file");
            }
            event.addCell(hit, (int)module, cells.getInt(row, ch0), cells.getInt(row, ch1), (float)cells.getDouble(row, value));
        }
    }

    private static void readParticles(final CsvTable particles, final SourceEvent event)
    {
        final int id = particles.column("particle_id");
        final int[] kinematics = {particles.column("vx"), particles.column("vy"), particles.column("vz"),
            particles.column("px"), particles.column("py"), particles.column("pz")};
        final int q = particles.column("q");
        final int nhits = particles.column("nhits");
        final double[] values = new double[6];
        for (int row = 0; row < particles.rowCount(); row++)
        {
            for (int k = 0; k < 6; k++)
            {
                values[k] = particles.getDouble(row, kinematics[k]);
            }
            event.addParticle(particles.getLong(row, id), values, particles.getInt(row, q), particles.getInt(row, nhits));
        }
    }

    private Path require(final String prefix, final String kind)
    {
        final Path file = optional(prefix, kind);
        if (file == null)
        {
            throw new TrackmlFormatException(directory.resolve(prefix + kind + ".csv") + ": no such file (nor .csv.gz); every event needs " +
                "its hits, truth and particles files");
        }
        return file;
    }

    private Path optional(final String prefix, final String kind)
    {
        for (final String suffix : new String[] {".csv.gz", ".csv"})
        {
            final Path file = directory.resolve(prefix + kind + suffix);
            if (Files.isRegularFile(file))
            {
                return file;
            }
        }
        return null;
    }
}
