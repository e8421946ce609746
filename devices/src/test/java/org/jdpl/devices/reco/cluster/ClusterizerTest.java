package org.jdpl.devices.reco.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.agrona.collections.Long2LongHashMap;
import org.jdpl.devices.reco.SampleData;
import org.jdpl.devices.reco.chain.ReconstructionSteps;
import org.jdpl.devices.reco.event.SourceEvent;
import org.jdpl.devices.reco.event.SourceTimeframeWriter.Kind;
import org.jdpl.devices.reco.event.Spacepoints;
import org.jdpl.devices.reco.event.Table;
import org.jdpl.devices.reco.geometry.DetectorGeometry;
import org.jdpl.devices.reco.io.CsvTable;
import org.jdpl.devices.reco.io.DetectorFile;
import org.jdpl.devices.reco.io.TrackmlEventFiles;
import org.junit.jupiter.api.Test;

class ClusterizerTest
{
    @Test
    void shouldReproduceTheSampleHitPositionsFromItsCellsWithinThePitch()
    {
        final Path dir = SampleData.directory();
        final TrackmlEventFiles files = TrackmlEventFiles.scan(dir);
        final long eventId = files.eventIds().get(0);
        final SourceEvent event = files.read(eventId);
        final DetectorGeometry geometry = DetectorFile.read(DetectorFile.find(dir));
        final CsvTable hits = CsvTable.read(dir.resolve(String.format("event%09d-hits.csv.gz", eventId)));
        final Long2LongHashMap hitRow = new Long2LongHashMap(-1);
        for (int row = 0; row < hits.rowCount(); row++)
        {
            hitRow.put(hits.getLong(row, hits.column("hit_id")), row);
        }
        try (Arena arena = Arena.ofConfined())
        {
            final Map<Kind, MemorySegment> in = SampleData.write(arena, List.of(event), geometry);
            final MemorySegment[] out = new MemorySegment[1];
            final ReconstructionSteps steps = ReconstructionSteps.withDefaults();
            steps.clusterize(in.get(Kind.CELLS), in.get(Kind.MODULES), in.get(Kind.HITS), size -> out[0] = arena.allocate(size, 8));
            final Table spacepoints = new Table(Spacepoints.LAYOUT).wrap(out[0]);

            int withinPitch = 0;
            for (int i = 0; i < spacepoints.rowCount(); i++)
            {
                final int row = (int)hitRow.get(spacepoints.getLong(Spacepoints.HIT_ID, i));
                final int module = geometry.indexOf(spacepoints.getInt(Spacepoints.MODULE_ID, i));
                final double x = hits.getDouble(row, hits.column("x"));
                final double y = hits.getDouble(row, hits.column("y"));
                final double z = hits.getDouble(row, hits.column("z"));
                final double du = geometry.toLocal(module, 0, spacepoints.getFloat(Spacepoints.X, i), spacepoints.getFloat(Spacepoints.Y, i),
                    spacepoints.getFloat(Spacepoints.Z, i)) - geometry.toLocal(module, 0, x, y, z);
                final double dv = geometry.toLocal(module, 1, spacepoints.getFloat(Spacepoints.X, i), spacepoints.getFloat(Spacepoints.Y, i),
                    spacepoints.getFloat(Spacepoints.Z, i)) - geometry.toLocal(module, 1, x, y, z);
                if (Math.abs(du) <= geometry.pitchU(module) && Math.abs(dv) <= geometry.pitchV(module))
                {
                    withinPitch++;
                }
            }
            System.out.printf("clusterizer: %d spacepoints from %d cells for %d hits, %d within the pitch, %d clusters merged hits%n",
                spacepoints.rowCount(), event.cellCount, hits.rowCount(), withinPitch, steps.clusterizer().mergedHits());
            // Touching cells of two hits make one cluster (one hit lost); anything else must match.
            assertEquals(hits.rowCount(), spacepoints.rowCount() + steps.clusterizer().mergedHits(), 3);
            assertTrue(withinPitch >= 0.995 * hits.rowCount(), withinPitch + " of " + hits.rowCount() + " within the pitch");
        }
    }
}
