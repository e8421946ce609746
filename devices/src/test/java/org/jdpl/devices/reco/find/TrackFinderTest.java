package org.jdpl.devices.reco.find;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jdpl.devices.reco.SampleData;
import org.jdpl.devices.reco.chain.ReconstructionSteps;
import org.jdpl.devices.reco.event.EventSpacepoints;
import org.jdpl.devices.reco.event.SourceEvent;
import org.jdpl.devices.reco.event.SourceTimeframeWriter.Kind;
import org.jdpl.devices.reco.event.Spacepoints;
import org.jdpl.devices.reco.event.Table;
import org.jdpl.devices.reco.geometry.DetectorGeometry;
import org.jdpl.devices.reco.io.DetectorFile;
import org.jdpl.devices.reco.io.TrackmlEventFiles;
import org.jdpl.devices.reco.seed.SeedBuffer;
import org.jdpl.devices.reco.seed.SeedConfig;
import org.jdpl.devices.reco.seed.SeedFinder;
import org.jdpl.devices.reco.sim.EventSimulator;
import org.jdpl.devices.reco.sim.SimConfig;
import org.junit.jupiter.api.Test;

/**
 * The finder's narrowed barrel windows only skip hits that cannot pass: its tracks are exactly those
 * of the wide windows, on a dense simulated event and on the TrackML sample (whose field is not uniform).
 */
class TrackFinderTest
{
    @Test
    void shouldFindTheTracksOfTheWideWindowsOnADenseSimulatedEvent()
    {
        final SimConfig d = SimConfig.defaults();
        final EventSimulator simulator = new EventSimulator(new SimConfig(1000, d.ptMin(), d.ptMax(), d.etaMax(), d.noiseFraction(),
            d.multipleScattering(), d.bFieldTesla(), d.seed()));
        assertSameTracks(simulator.simulate(0), simulator.geometry(), 500);
    }

    @Test
    void shouldFindTheTracksOfTheWideWindowsOnTheTrackMlSample()
    {
        final Path dir = SampleData.directory();
        final TrackmlEventFiles files = TrackmlEventFiles.scan(dir);
        assertSameTracks(files.read(files.eventIds().get(0)), DetectorFile.read(DetectorFile.find(dir)), 200);
    }

    private static void assertSameTracks(final SourceEvent event, final DetectorGeometry geometry, final int fewestTracks)
    {
        final EventSpacepoints sp = spacepoints(event, geometry);
        final SeedBuffer seeds = new SeedBuffer();
        new SeedFinder(SeedConfig.defaults()).findSeeds(sp, seeds);
        final List<String> wide = tracks(new TrackFinder(FinderConfig.defaults(), false), sp, seeds);
        assertTrue(wide.size() >= fewestTracks, "an event with tracks: " + wide.size());
        assertEquals(wide, tracks(new TrackFinder(FinderConfig.defaults(), true), sp, seeds));
    }

    private static List<String> tracks(final TrackFinder finder, final EventSpacepoints sp, final SeedBuffer seeds)
    {
        final TrackCandidates out = new TrackCandidates();
        finder.findTracks(sp, seeds, out);
        final List<String> tracks = new ArrayList<>();
        for (int t = 0; t < out.size(); t++)
        {
            final StringBuilder track = new StringBuilder().append(out.quality(t)).append(':');
            for (int k = out.start(t); k < out.end(t); k++)
            {
                track.append(' ').append(out.hit(k));
            }
            tracks.add(track.toString());
        }
        return tracks;
    }

    private static EventSpacepoints spacepoints(final SourceEvent event, final DetectorGeometry geometry)
    {
        try (Arena arena = Arena.ofConfined())
        {
            final Map<Kind, MemorySegment> in = SampleData.write(arena, List.of(event), geometry);
            final MemorySegment[] out = new MemorySegment[1];
            ReconstructionSteps.withDefaults(1e6).clusterize(in.get(Kind.CELLS), in.get(Kind.MODULES), in.get(Kind.HITS),
                size -> out[0] = arena.allocate(size, 8));
            return new EventSpacepoints().load(new Table(Spacepoints.LAYOUT).wrap(out[0]), 0);
        }
    }
}
