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
 * The events of a TrackML directory: {@code eventNNN-hits.csv[.gz]} (required), each with what else is
 * there for it: {@code -cells} (used with the directory's {@code detectors.csv[.gz]}: then the hits are
 * clustered from cells, otherwise the hits are sent as spacepoints), {@code -truth} and {@code -particles}
 * (real data has neither: its events are reconstructed but not scored).
 */
public final class TrackmlEventFiles
{
    /** The per-event files besides the hits; each may be absent. */
    public static final List<String> OPTIONAL_KINDS = List.of("cells", "truth", "particles");

    private final Path directory;
    private final String kind;
    private final TreeMap<Long, String> digitsById;
    private final Path detectors;

    private TrackmlEventFiles(final Path directory, final String kind, final TreeMap<Long, String> digitsById)
    {
        this.directory = directory;
        this.kind = kind;
        this.digitsById = digitsById;
        this.detectors = DetectorFile.find(directory);
    }

    /** Lists the events of {@code directory} by their hits files; no events is an error naming the directory. */
    public static TrackmlEventFiles scan(final Path directory)
    {
        return scan(directory, "hits", "set the reader's 'path' option to a TrackML event directory");
    }

    /** Lists the events of {@code directory} by their truth files, for scoring against them. */
    public static TrackmlEventFiles scanTruth(final Path directory)
    {
        return scan(directory, "truth", "give the directory of the events' eventNNN-truth.csv[.gz] files");
    }

    private static TrackmlEventFiles scan(final Path directory, final String kind, final String hint)
    {
        if (!Files.isDirectory(directory))
        {
            throw new TrackmlFormatException(directory + ": not a directory (" + hint + ")");
        }
        final Pattern name = Pattern.compile("event(\\d+)-" + kind + "\\.csv(\\.gz)?");
        final TreeMap<Long, String> found = new TreeMap<>();
        try (Stream<Path> files = Files.list(directory))
        {
            files.forEach(file ->
            {
                final Matcher m = name.matcher(file.getFileName().toString());
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
            throw new TrackmlFormatException(directory + ": no eventNNN-" + kind + ".csv or eventNNN-" + kind + ".csv.gz files");
        }
        return new TrackmlEventFiles(directory, kind, found);
    }

    public List<Long> eventIds()
    {
        return new ArrayList<>(digitsById.keySet());
    }

    public boolean contains(final long eventId)
    {
        return digitsById.containsKey(eventId);
    }

    public Path directory()
    {
        return directory;
    }

    /** The directory's detectors.csv[.gz], or null: without it cells cannot be placed and are not used. */
    public Path detectors()
    {
        return detectors;
    }

    /** Whether event {@code eventId} (one of {@link #eventIds()}) has its {@code kind} file ({@code "truth"}, ...). */
    public boolean has(final long eventId, final String kind)
    {
        return find(eventId, kind) != null;
    }

    /** The file of {@code kind} of event {@code eventId} (plain or gzip), or null. */
    public Path find(final long eventId, final String kind)
    {
        return optional("event" + digitsById.get(eventId) + "-", kind);
    }

    /**
     * What the directory holds for {@code events}, said once at start: {@code "2 events: hits 2, cells 2
     * (with detectors.csv.gz), truth 0, particles 0; no truth: nothing will be scored"}.
     */
    public String describe(final List<Long> events)
    {
        final StringBuilder text = new StringBuilder().append(events.size()).append(events.size() == 1 ? " event: " : " events: ")
            .append(kind).append(' ').append(events.size());
        final int[] counts = new int[OPTIONAL_KINDS.size()];
        for (int k = 0; k < counts.length; k++)
        {
            for (final long event : events)
            {
                counts[k] += has(event, OPTIONAL_KINDS.get(k)) ? 1 : 0;
            }
            text.append(", ").append(OPTIONAL_KINDS.get(k)).append(' ').append(counts[k]);
            if (k == 0 && counts[0] > 0)
            {
                text.append(detectors != null ? " (with " + detectors.getFileName() + ")" : " (not used: no detectors.csv[.gz] to place them; " +
                    "the hits are used as they are)");
            }
        }
        if (counts[1] == 0)
        {
            text.append("; no truth: nothing will be scored");
        }
        if (counts[1] > 0 && counts[1] < events.size())
        {
            text.append("; ").append(events.size() - counts[1]).append(" event(s) without truth will not be scored");
        }
        if (counts[1] > 0 && counts[2] < events.size())
        {
            text.append("; events without particles give no efficiency");
        }
        return text.toString();
    }

    /**
     * Reads event {@code eventId} (one of {@link #eventIds()}): its hits, its cells when the directory has
     * detectors, its truth and particles when present (else none: the event is not scored).
     */
    public SourceEvent read(final long eventId)
    {
        final String prefix = "event" + digitsById.get(eventId) + "-";
        final CsvTable hits = CsvTable.read(require(prefix, "hits"));
        final Path cellsFile = detectors == null ? null : optional(prefix, "cells");
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
            event.listHit(hitId);
            if (cellsFile == null)
            {
                event.addHit(hitId, (float)hits.getDouble(row, x), (float)hits.getDouble(row, y), (float)hits.getDouble(row, z), moduleId);
            }
        }
        if (cellsFile != null)
        {
            readCells(CsvTable.read(cellsFile), moduleOfHit, event);
        }
        readTruthAndParticles(prefix, event);
        return event;
    }

    /** Reads only the truth (required) and particles (when present) of event {@code eventId}: what scoring needs. */
    public SourceEvent readTruth(final long eventId)
    {
        final String prefix = "event" + digitsById.get(eventId) + "-";
        require(prefix, "truth");
        final SourceEvent event = new SourceEvent(eventId);
        readTruthAndParticles(prefix, event);
        return event;
    }

    private void readTruthAndParticles(final String prefix, final SourceEvent event)
    {
        final Path truthFile = optional(prefix, "truth");
        if (truthFile != null)
        {
            final CsvTable truth = CsvTable.read(truthFile);
            final int truthHit = truth.column("hit_id");
            final int truthParticle = truth.column("particle_id");
            final int weight = truth.column("weight");
            for (int row = 0; row < truth.rowCount(); row++)
            {
                event.addTruth(truth.getLong(row, truthHit), truth.getLong(row, truthParticle), (float)truth.getDouble(row, weight));
            }
        }
        final Path particlesFile = optional(prefix, "particles");
        if (particlesFile != null)
        {
            readParticles(CsvTable.read(particlesFile), event);
        }
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
            throw new TrackmlFormatException(directory.resolve(prefix + kind + ".csv") + ": no such file (nor .csv.gz)");
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
