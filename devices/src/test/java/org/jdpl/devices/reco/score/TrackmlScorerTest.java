package org.jdpl.devices.reco.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.jdpl.devices.reco.SampleData;
import org.jdpl.devices.reco.event.Particles;
import org.jdpl.devices.reco.event.SourceEvent;
import org.jdpl.devices.reco.event.SourceTimeframeWriter.Kind;
import org.jdpl.devices.reco.event.Table;
import org.jdpl.devices.reco.event.TrackHits;
import org.jdpl.devices.reco.event.Truth;
import org.jdpl.devices.reco.io.DetectorFile;
import org.jdpl.devices.reco.io.TrackmlEventFiles;
import org.junit.jupiter.api.Test;

class TrackmlScorerTest
{
    @Test
    void shouldScoreTheTruthAsOneAndAShuffledAssignmentFarLess()
    {
        final Path dir = SampleData.directory();
        final TrackmlEventFiles files = TrackmlEventFiles.scan(dir);
        final SourceEvent event = files.read(files.eventIds().get(0));
        try (Arena arena = Arena.ofConfined())
        {
            final Map<Kind, MemorySegment> tables = SampleData.write(arena, List.of(event), DetectorFile.read(DetectorFile.find(dir)));
            final Table truth = new Table(Truth.LAYOUT).wrap(tables.get(Kind.TRUTH));
            final Table particles = new Table(Particles.LAYOUT).wrap(tables.get(Kind.PARTICLES));
            final long[] particleOfHit = new long[(int)truth.rowCount()];
            final long[] hitIds = new long[particleOfHit.length];
            for (int row = 0; row < particleOfHit.length; row++)
            {
                particleOfHit[row] = truth.getLong(Truth.PARTICLE_ID, row);
                hitIds[row] = truth.getLong(Truth.HIT_ID, row);
            }

            final ScoreTally perfect = score(arena, truth, particles, hitIds, particleOfHit);
            assertEquals(1.0, perfect.score(), 1e-6, perfect.toString());
            assertEquals(1.0, perfect.efficiency(), 1e-9);
            assertEquals(0.0, perfect.duplicateRate(), 1e-9);

            final Random random = new Random(7);
            for (int i = particleOfHit.length - 1; i > 0; i--)
            {
                final int j = random.nextInt(i + 1);
                final long t = particleOfHit[i];
                particleOfHit[i] = particleOfHit[j];
                particleOfHit[j] = t;
            }
            final ScoreTally shuffled = score(arena, truth, particles, hitIds, particleOfHit);
            assertTrue(shuffled.score() < 0.05, shuffled.toString());
        }
    }

    /** Makes one track per distinct label (noise label 0 left unassigned) and scores it. */
    private static ScoreTally score(final Arena arena, final Table truth, final Table particles, final long[] hitIds, final long[] label)
    {
        final org.agrona.collections.Long2LongHashMap trackOfLabel = new org.agrona.collections.Long2LongHashMap(-1);
        int rows = 0;
        for (final long l : label)
        {
            rows += l != 0 ? 1 : 0;
        }
        final Table trackHits = new Table(TrackHits.LAYOUT);
        trackHits.create(arena.allocate(Table.sizeBytes(TrackHits.LAYOUT, 1, rows), 8), truth.eventIds(), new int[] {rows});
        int row = 0;
        for (int i = 0; i < label.length; i++)
        {
            if (label[i] == 0)
            {
                continue;
            }
            long track = trackOfLabel.get(label[i]);
            if (track < 0)
            {
                track = trackOfLabel.size();
                trackOfLabel.put(label[i], track);
            }
            trackHits.setInt(TrackHits.TRACK, row, (int)track);
            trackHits.setInt(TrackHits.SPACEPOINT, row, i);
            trackHits.setLong(TrackHits.HIT_ID, row, hitIds[i]);
            row++;
        }
        final ScoreTally tally = new ScoreTally();
        new TrackmlScorer(1.0, 4).scoreEvent(truth, particles, trackHits, null, 0, tally);
        return tally;
    }
}
