package org.jdpl.devices.reco.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.Arena;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import org.jdpl.devices.reco.event.HitIds;
import org.jdpl.devices.reco.event.Table;
import org.jdpl.devices.reco.event.TrackHits;
import org.jdpl.devices.reco.event.Tracks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One hand-made event: hits 10-15; chain tracks 0 = {10, 11, 12}, 1 = {12, 13} and 2 = {12}, listed out of
 * order. Hit 12 goes to track 0 (the lowest), so track 2 has no hit left; 14 and 15 are on no track.
 */
class TrackCsvWriterTest
{
    private static final long EVENT = 5;

    @TempDir
    Path dir;

    @Test
    void shouldListEveryHitOnceWithItsLowestTrackAndTheRestAsTrackZero() throws IOException
    {
        try (Arena arena = Arena.ofConfined())
        {
            final TrackCsvWriter writer = new TrackCsvWriter(false);
            write(arena, writer);

            assertEquals("""
                event_id,hit_id,track_id
                5,10,1
                5,11,1
                5,12,1
                5,13,2
                5,14,0
                5,15,0
                """, Files.readString(dir.resolve("event000000005-submission.csv")));
            assertEquals("""
                track_id,pt,eta,phi,d0,z0,chi2_ndf,n_hits
                1,1.5,0.5,-1.0,0.25,3.0,1.25,3
                2,2.5,0.5,-1.0,0.25,3.0,1.25,2
                3,3.5,0.5,-1.0,0.25,3.0,1.25,1
                """, Files.readString(dir.resolve("event000000005-track-parameters.csv")));
        }
    }

    @Test
    void shouldWriteTheSameRowsGzipped() throws IOException
    {
        try (Arena arena = Arena.ofConfined())
        {
            final TrackCsvWriter writer = new TrackCsvWriter(true);
            write(arena, writer);

            assertEquals("event000000005-submission.csv.gz", writer.submissionName(EVENT));
            try (InputStream in = new GZIPInputStream(Files.newInputStream(dir.resolve(writer.submissionName(EVENT)))))
            {
                final String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
                assertEquals(7, text.lines().count(), text);
                assertEquals("5,13,2", text.lines().toList().get(4));
            }
        }
    }

    private void write(final Arena arena, final TrackCsvWriter writer) throws IOException
    {
        final long[] event = {EVENT};
        final Table hitIds = new Table(HitIds.LAYOUT);
        hitIds.create(arena.allocate(Table.sizeBytes(HitIds.LAYOUT, 1, 6), 8), event, new int[] {6});
        for (int row = 0; row < 6; row++)
        {
            hitIds.setLong(HitIds.HIT_ID, row, 10 + row);
        }
        final int[][] trackAndHit = {{1, 12}, {0, 10}, {0, 11}, {0, 12}, {1, 13}, {2, 12}};
        final Table trackHits = new Table(TrackHits.LAYOUT);
        trackHits.create(arena.allocate(Table.sizeBytes(TrackHits.LAYOUT, 1, trackAndHit.length), 8), event, new int[] {trackAndHit.length});
        for (int row = 0; row < trackAndHit.length; row++)
        {
            trackHits.setInt(TrackHits.TRACK, row, trackAndHit[row][0]);
            trackHits.setInt(TrackHits.SPACEPOINT, row, row);
            trackHits.setLong(TrackHits.HIT_ID, row, trackAndHit[row][1]);
        }
        final Table tracks = new Table(Tracks.LAYOUT);
        tracks.create(arena.allocate(Table.sizeBytes(Tracks.LAYOUT, 1, 3), 8), event, new int[] {3});
        for (int row = 0; row < 3; row++)
        {
            for (int column = 0; column < Tracks.LAYOUT.columnCount(); column++)
            {
                tracks.setFloat(column, row, 0);
            }
            tracks.setInt(Tracks.TRACK, row, row);
            tracks.setInt(Tracks.N_HITS, row, 3 - row);
            tracks.setFloat(Tracks.PT, row, 1.5f + row);
            tracks.setFloat(Tracks.ETA, row, 0.5f);
            tracks.setFloat(Tracks.PHI, row, -1f);
            tracks.setFloat(Tracks.D0, row, 0.25f);
            tracks.setFloat(Tracks.Z0, row, 3f);
            tracks.setFloat(Tracks.CHI2_NDF, row, 1.25f);
        }
        writer.write(hitIds, trackHits, tracks, 0, dir);
    }
}
