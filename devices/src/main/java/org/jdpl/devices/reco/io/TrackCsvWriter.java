package org.jdpl.devices.reco.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import org.agrona.collections.LongHashSet;
import org.jdpl.devices.reco.event.HitIds;
import org.jdpl.devices.reco.event.Table;
import org.jdpl.devices.reco.event.TrackHits;
import org.jdpl.devices.reco.event.Tracks;
import org.jdpl.devices.reco.score.HitOwnership;

/**
 * Writes one event's tracks as two CSV files: the TrackML submission ({@code event_id,hit_id,track_id}, one
 * row per hit of the event, track 0 for a hit on no track) and the fitted track parameters. A chain track
 * {@code t} is submission track {@code t + 1}, so that 0 stays "no track"; a hit on several tracks goes to
 * the lowest-numbered ({@link HitOwnership}, as the scorer counts it). The submission lists the tracks' hits
 * in the order the scorer walks them, so scoring it sums the same weights in the same order as the chain.
 */
public final class TrackCsvWriter
{
    /** The submission's header, as the TrackML challenge has it. */
    public static final String SUBMISSION_HEADER = "event_id,hit_id,track_id";
    public static final String PARAMETERS_HEADER = "track_id,pt,eta,phi,d0,z0,chi2_ndf,n_hits";

    private final HitOwnership ownership = new HitOwnership();
    private final LongHashSet eventHits = new LongHashSet();
    private final LongHashSet written = new LongHashSet();
    private final StringBuilder line = new StringBuilder(128);
    private char[] chars = new char[128];
    private final boolean gzip;

    public TrackCsvWriter(final boolean gzip)
    {
        this.gzip = gzip;
    }

    /** {@code event000000042-submission.csv[.gz]}: the TrackML naming, nine digits. */
    public String submissionName(final long eventId)
    {
        return String.format("event%09d-submission.csv%s", eventId, gzip ? ".gz" : "");
    }

    public String parametersName(final long eventId)
    {
        return String.format("event%09d-track-parameters.csv%s", eventId, gzip ? ".gz" : "");
    }

    /** Writes event {@code event} of the tables (same events in the same order) into {@code directory}. */
    public void write(final Table hitIds, final Table trackHits, final Table tracks, final int event, final Path directory) throws IOException
    {
        final long eventId = hitIds.eventId(event);
        if (trackHits.eventId(event) != eventId || tracks.eventId(event) != eventId)
        {
            throw new IllegalArgumentException("inputs of one timeslice disagree: event " + event + " is id " + eventId + " in the hit ids, " +
                trackHits.eventId(event) + " in the track hits, " + tracks.eventId(event) + " in the tracks");
        }
        writeSubmission(hitIds, trackHits, event, eventId, directory.resolve(submissionName(eventId)));
        writeParameters(tracks, event, directory.resolve(parametersName(eventId)));
    }

    private void writeSubmission(final Table hitIds, final Table trackHits, final int event, final long eventId, final Path file)
        throws IOException
    {
        eventHits.clear();
        written.clear();
        for (int row = hitIds.eventStart(event); row < hitIds.eventEnd(event); row++)
        {
            eventHits.add(hitIds.getLong(HitIds.HIT_ID, row));
        }
        ownership.assign(trackHits, event);
        try (Writer out = open(file))
        {
            out.write(SUBMISSION_HEADER);
            out.write('\n');
            for (int i = 0; i < ownership.size(); i++)
            {
                final long hit = trackHits.getLong(TrackHits.HIT_ID, ownership.row(i));
                if (ownership.trackOf(hit) == ownership.track(i) && eventHits.contains(hit) && written.add(hit))
                {
                    row(out, eventId, hit, ownership.track(i) + 1L);
                }
            }
            for (int row = hitIds.eventStart(event); row < hitIds.eventEnd(event); row++)
            {
                final long hit = hitIds.getLong(HitIds.HIT_ID, row);
                if (written.add(hit))
                {
                    row(out, eventId, hit, 0);
                }
            }
        }
    }

    private void writeParameters(final Table tracks, final int event, final Path file) throws IOException
    {
        try (Writer out = open(file))
        {
            out.write(PARAMETERS_HEADER);
            out.write('\n');
            for (int row = tracks.eventStart(event); row < tracks.eventEnd(event); row++)
            {
                line.append(tracks.getInt(Tracks.TRACK, row) + 1L).append(',').append(tracks.getFloat(Tracks.PT, row)).append(',')
                    .append(tracks.getFloat(Tracks.ETA, row)).append(',').append(tracks.getFloat(Tracks.PHI, row)).append(',')
                    .append(tracks.getFloat(Tracks.D0, row)).append(',').append(tracks.getFloat(Tracks.Z0, row)).append(',')
                    .append(tracks.getFloat(Tracks.CHI2_NDF, row)).append(',').append(tracks.getInt(Tracks.N_HITS, row)).append('\n');
                writeLine(out);
            }
        }
    }

    private void row(final Writer out, final long eventId, final long hit, final long track) throws IOException
    {
        line.append(eventId).append(',').append(hit).append(',').append(track).append('\n');
        writeLine(out);
    }

    /** Writes and clears {@link #line} through a reused char buffer: no String per row (an event has ~100k hits). */
    private void writeLine(final Writer out) throws IOException
    {
        final int n = line.length();
        if (chars.length < n)
        {
            chars = new char[2 * n];
        }
        line.getChars(0, n, chars, 0);
        out.write(chars, 0, n);
        line.setLength(0);
    }

    private Writer open(final Path file) throws IOException
    {
        final OutputStream raw = Files.newOutputStream(file);
        return new BufferedWriter(new OutputStreamWriter(gzip ? new GZIPOutputStream(raw, 1 << 16) : raw, StandardCharsets.US_ASCII), 1 << 16);
    }
}
