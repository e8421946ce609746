package org.jdpl.devices.reco.score;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.agrona.collections.Long2LongHashMap;
import org.jdpl.devices.reco.event.Particles;
import org.jdpl.devices.reco.event.SourceEvent;
import org.jdpl.devices.reco.event.SourceTimeframeWriter;
import org.jdpl.devices.reco.event.Table;
import org.jdpl.devices.reco.event.TrackHits;
import org.jdpl.devices.reco.event.Truth;
import org.jdpl.devices.reco.geometry.DetectorGeometry;
import org.jdpl.devices.reco.io.CsvTable;
import org.jdpl.devices.reco.io.TrackmlEventFiles;
import org.jdpl.devices.reco.io.TrackmlFormatException;

/**
 * Scores TrackML submission files ({@code event_id,hit_id,track_id} in any column order, extra columns
 * ignored, plain or gzip; track 0: no track) against a directory of truth files, with the chain's own
 * {@link TrackmlScorer}: each event's rows become the track-hit table the scorer reads in the chain. A
 * malformed file is a {@link TrackmlFormatException} naming file and line.
 */
public final class SubmissionScorer
{
    private final TrackmlEventFiles truthFiles;
    private final TrackmlScorer scorer;
    private final SourceTimeframeWriter tableWriter = new SourceTimeframeWriter();
    private final Map<Long, Path> scoredFrom = new HashMap<>();

    /** What one submission file held. */
    public record FileResult(Path file, List<Long> events, long hitsNotListed)
    {
    }

    public SubmissionScorer(final Path truthDirectory, final double efficiencyPtMin, final int efficiencyMinHits)
    {
        this.truthFiles = TrackmlEventFiles.scanTruth(truthDirectory);
        this.scorer = new TrackmlScorer(efficiencyPtMin, efficiencyMinHits);
    }

    /** Adds every event of {@code submission} to {@code tally}; an event given twice (in this or an earlier file) is an error. */
    public FileResult score(final Path submission, final ScoreTally tally)
    {
        final CsvTable csv = CsvTable.read(submission);
        final int eventColumn = csv.column("event_id");
        final int hitColumn = csv.column("hit_id");
        final int trackColumn = csv.column("track_id");
        final Map<Long, List<Integer>> rowsOfEvent = new LinkedHashMap<>();
        for (int row = 0; row < csv.rowCount(); row++)
        {
            final long event = csv.getLong(row, eventColumn);
            final List<Integer> rows = rowsOfEvent.computeIfAbsent(event, e -> new ArrayList<>());
            if (rows.isEmpty())
            {
                checkNew(submission, row, event);
            }
            rows.add(row);
        }
        long hitsNotListed = 0;
        for (final Map.Entry<Long, List<Integer>> event : rowsOfEvent.entrySet())
        {
            hitsNotListed += scoreEvent(csv, event.getKey(), event.getValue(), hitColumn, trackColumn, tally);
        }
        return new FileResult(submission, List.copyOf(rowsOfEvent.keySet()), hitsNotListed);
    }

    private void checkNew(final Path submission, final int row, final long event)
    {
        if (!truthFiles.contains(event))
        {
            throw new TrackmlFormatException(submission + ":" + line(row) + ": event " + event + " has no truth file in " +
                truthFiles.directory() + " (eventNNN-truth.csv[.gz])");
        }
        final Path earlier = scoredFrom.putIfAbsent(event, submission);
        if (earlier != null)
        {
            throw new TrackmlFormatException(submission + ":" + line(row) + ": event " + event + " is also in " + earlier +
                "; give each event once");
        }
    }

    /** Scores one event of the file; returns how many of its hits the file does not list (they count as on no track). */
    private long scoreEvent(final CsvTable csv, final long eventId, final List<Integer> rows, final int hitColumn, final int trackColumn,
        final ScoreTally tally)
    {
        final SourceEvent truth = truthFiles.readTruth(eventId);
        final Long2LongHashMap lineOfHit = new Long2LongHashMap(2 * truth.truthCount + 16, 0.6f, -1);
        for (int i = 0; i < truth.truthCount; i++)
        {
            lineOfHit.put(truth.truthHitId[i], 0);
        }
        final long[] trackIds = new long[rows.size()];
        final long[] hitIds = new long[rows.size()];
        int n = 0;
        for (final int row : rows)
        {
            final long hit = csv.getLong(row, hitColumn);
            final long seen = lineOfHit.get(hit);
            if (seen < 0)
            {
                throw new TrackmlFormatException(csv.file() + ":" + line(row) + ": hit_id " + hit + " is not in event " + eventId +
                    " (its truth file " + truthFiles.find(eventId, "truth").getFileName() + " has no such hit)");
            }
            if (seen > 0)
            {
                throw new TrackmlFormatException(csv.file() + ":" + line(row) + ": hit_id " + hit + " of event " + eventId +
                    " is listed again (first at line " + seen + "); a submission gives each hit one track");
            }
            lineOfHit.put(hit, line(row));
            final long track = csv.getLong(row, trackColumn);
            if (track != 0)
            {
                trackIds[n] = track;
                hitIds[n++] = hit;
            }
        }
        try (Arena arena = Arena.ofConfined())
        {
            final Map<SourceTimeframeWriter.Kind, MemorySegment> tables = new HashMap<>();
            tableWriter.write(List.of(truth), new DetectorGeometry(0), (kind, size) ->
            {
                final MemorySegment segment = arena.allocate(size, 8);
                tables.put(kind, segment);
                return segment;
            });
            final Table trackHits = trackHitTable(arena, eventId, trackIds, hitIds, n);
            scorer.scoreEvent(new Table(Truth.LAYOUT).wrap(tables.get(SourceTimeframeWriter.Kind.TRUTH)),
                new Table(Particles.LAYOUT).wrap(tables.get(SourceTimeframeWriter.Kind.PARTICLES)), trackHits, null, 0, tally);
        }
        return truth.truthCount - rows.size();
    }

    /**
     * The rows on a track as the scorer's track-hit table, in file order; track ids become their rank among
     * the event's ids (the table holds ints, other tools' ids may be any long), which keeps their order.
     */
    private static Table trackHitTable(final Arena arena, final long eventId, final long[] trackIds, final long[] hitIds, final int n)
    {
        final long[] distinct = Arrays.stream(trackIds, 0, n).sorted().distinct().toArray();
        final Table table = new Table(TrackHits.LAYOUT);
        table.create(arena.allocate(Table.sizeBytes(TrackHits.LAYOUT, 1, n), 8), new long[] {eventId}, new int[] {n});
        for (int i = 0; i < n; i++)
        {
            table.setInt(TrackHits.TRACK, i, Arrays.binarySearch(distinct, trackIds[i]));
            table.setInt(TrackHits.SPACEPOINT, i, i);
            table.setLong(TrackHits.HIT_ID, i, hitIds[i]);
        }
        return table;
    }

    /** The line of a data row: the header is line 1. */
    private static int line(final int row)
    {
        return row + 2;
    }
}
