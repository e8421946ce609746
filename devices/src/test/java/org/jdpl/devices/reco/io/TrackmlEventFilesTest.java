package org.jdpl.devices.reco.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.jdpl.devices.reco.SampleData;
import org.jdpl.devices.reco.chain.ReconstructionSteps;
import org.jdpl.devices.reco.event.SourceEvent;
import org.jdpl.devices.reco.event.SourceTimeframeWriter.Kind;
import org.jdpl.devices.reco.geometry.DetectorGeometry;
import org.jdpl.devices.reco.score.ScoreTally;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrackmlEventFilesTest
{
    private static final String EVENT = "event000000001";

    @TempDir
    Path dir;

    @Test
    void shouldReconstructAHitsOnlyEventDirectory() throws IOException
    {
        final Path sample = SampleData.directory();
        for (final String kind : new String[] {"hits", "truth", "particles"})
        {
            Files.copy(sample.resolve(EVENT + "-" + kind + ".csv.gz"), dir.resolve(EVENT + "-" + kind + ".csv.gz"));
        }
        final TrackmlEventFiles files = TrackmlEventFiles.scan(dir);
        assertEquals(List.of(1L), files.eventIds());
        final SourceEvent event = files.read(1);
        assertEquals(0, event.cellCount);
        assertEquals(5527, event.hitCount);
        try (Arena arena = Arena.ofConfined())
        {
            final Map<Kind, MemorySegment> in = SampleData.write(arena, List.of(event), new DetectorGeometry(0));
            final ReconstructionSteps steps = ReconstructionSteps.withDefaults();
            final MemorySegment[] out = new MemorySegment[1];
            steps.clusterize(in.get(Kind.CELLS), in.get(Kind.MODULES), in.get(Kind.HITS), size -> out[0] = arena.allocate(size, 8));
            final MemorySegment spacepoints = out[0];
            steps.seed(spacepoints, size -> out[0] = arena.allocate(size, 8));
            steps.findTracks(spacepoints, out[0], size -> out[0] = arena.allocate(size, 8));
            final ScoreTally tally = new ScoreTally();
            steps.score(out[0], null, in.get(Kind.TRUTH), in.get(Kind.PARTICLES), tally);
            System.out.println("hits-only sample event: " + tally);
            assertTrue(tally.score() > 0.85, tally.toString());
        }
    }

    @Test
    void shouldReadAnEventOfHitsAloneAndSayThatNothingWillBeScored() throws IOException
    {
        Files.writeString(dir.resolve(EVENT + "-hits.csv"), "hit_id,x,y,z,volume_id,layer_id,module_id\n1,1,2,3,8,2,1\n2,4,5,6,8,2,1\n");
        final TrackmlEventFiles files = TrackmlEventFiles.scan(dir);

        final SourceEvent event = files.read(1);

        assertEquals(2, event.hitCount);
        assertEquals(2, event.listedHitCount);
        assertEquals(0, event.truthCount);
        assertEquals(0, event.particleCount);
        assertEquals("1 event: hits 1, cells 0, truth 0, particles 0; no truth: nothing will be scored", files.describe(files.eventIds()));
    }

    @Test
    void shouldUseTheHitsOfAnEventWhoseCellsCannotBePlaced() throws IOException
    {
        Files.writeString(dir.resolve(EVENT + "-hits.csv"), "hit_id,x,y,z,volume_id,layer_id,module_id\n1,1,2,3,8,2,1\n");
        Files.writeString(dir.resolve(EVENT + "-cells.csv"), "hit_id,ch0,ch1,value\n1,10,20,0.5\n");
        Files.writeString(dir.resolve(EVENT + "-truth.csv"), "hit_id,particle_id,weight\n1,5,1\n");
        final TrackmlEventFiles files = TrackmlEventFiles.scan(dir);

        final SourceEvent event = files.read(1);

        assertEquals(0, event.cellCount);
        assertEquals(1, event.hitCount);
        assertEquals(1, event.truthCount);
        assertEquals("1 event: hits 1, cells 1 (not used: no detectors.csv[.gz] to place them; the hits are used as they are), truth 1, " +
            "particles 0; events without particles give no efficiency", files.describe(files.eventIds()));
    }

    @Test
    void shouldNameFileAndLineOfAMalformedValue() throws IOException
    {
        Files.writeString(dir.resolve(EVENT + "-hits.csv"), "hit_id,x,y,z,volume_id,layer_id,module_id\n1,1,2,3,8,2,1\n2,1,abc,3,8,2,1\n");
        Files.writeString(dir.resolve(EVENT + "-truth.csv"), "hit_id,particle_id,weight\n1,5,0.5\n2,5,0.5\n");
        Files.writeString(dir.resolve(EVENT + "-particles.csv"), "particle_id,vx,vy,vz,px,py,pz,q,nhits\n5,0,0,0,1,0,0,1,2\n");
        final TrackmlFormatException e = assertThrows(TrackmlFormatException.class, () -> TrackmlEventFiles.scan(dir).read(1));
        assertTrue(e.getMessage().endsWith(EVENT + "-hits.csv:3: column 'y' is 'abc', expected a number"), e.getMessage());
    }

    @Test
    void shouldNameADirectoryWithoutEvents()
    {
        final TrackmlFormatException e = assertThrows(TrackmlFormatException.class, () -> TrackmlEventFiles.scan(dir));
        assertTrue(e.getMessage().contains("no eventNNN-hits.csv"), e.getMessage());
    }
}
