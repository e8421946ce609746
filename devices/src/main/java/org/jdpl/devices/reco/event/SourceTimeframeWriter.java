package org.jdpl.devices.reco.event;

import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.function.BiFunction;

import org.jdpl.devices.reco.geometry.DetectorGeometry;

/**
 * Writes K {@link SourceEvent}s as the six tables a source sends: cells, modules (the geometry of
 * every module with cells in each event, so the clusterizer needs no detector file), hits, hit ids
 * (every hit of each event), truth and particles. Output memory comes from {@code allocate(kind, sizeBytes)}, normally {@code Outputs.make}.
 */
public final class SourceTimeframeWriter
{
    /** The kinds of table written, passed to the allocator. */
    public enum Kind
    {
        CELLS, MODULES, HITS, HIT_IDS, TRUTH, PARTICLES
    }

    private final Table cells = new Table(Cells.LAYOUT);
    private final Table modules = new Table(Modules.LAYOUT);
    private final Table hits = new Table(Spacepoints.LAYOUT);
    private final Table hitIds = new Table(HitIds.LAYOUT);
    private final Table truth = new Table(Truth.LAYOUT);
    private final Table particles = new Table(Particles.LAYOUT);

    public void write(final List<SourceEvent> events, final DetectorGeometry geometry,
        final BiFunction<Kind, Long, MemorySegment> allocate)
    {
        final int k = events.size();
        final long[] ids = new long[k];
        final int[] cellRows = new int[k];
        final int[] hitRows = new int[k];
        final int[] hitIdRows = new int[k];
        final int[] truthRows = new int[k];
        final int[] particleRows = new int[k];
        final int[][] moduleIndices = new int[k][];
        final int[] moduleRows = new int[k];
        for (int e = 0; e < k; e++)
        {
            final SourceEvent event = events.get(e);
            ids[e] = event.eventId;
            cellRows[e] = event.cellCount;
            hitRows[e] = event.hitCount;
            hitIdRows[e] = listedHits(event);
            truthRows[e] = event.truthCount;
            particleRows[e] = event.particleCount;
            moduleIndices[e] = modulesWithCells(event, geometry);
            moduleRows[e] = moduleIndices[e].length;
        }
        writeCells(events, ids, cellRows, allocate.apply(Kind.CELLS, Table.sizeBytes(Cells.LAYOUT, k, sum(cellRows))));
        writeModules(geometry, moduleIndices, ids, moduleRows, allocate.apply(Kind.MODULES, Table.sizeBytes(Modules.LAYOUT, k, sum(moduleRows))));
        writeHits(events, ids, hitRows, allocate.apply(Kind.HITS, Table.sizeBytes(Spacepoints.LAYOUT, k, sum(hitRows))));
        writeHitIds(events, ids, hitIdRows, allocate.apply(Kind.HIT_IDS, Table.sizeBytes(HitIds.LAYOUT, k, sum(hitIdRows))));
        writeTruth(events, ids, truthRows, allocate.apply(Kind.TRUTH, Table.sizeBytes(Truth.LAYOUT, k, sum(truthRows))));
        writeParticles(events, ids, particleRows, allocate.apply(Kind.PARTICLES, Table.sizeBytes(Particles.LAYOUT, k, sum(particleRows))));
    }

    private static int[] modulesWithCells(final SourceEvent event, final DetectorGeometry geometry)
    {
        final int[] modules = new int[event.cellCount];
        for (int i = 0; i < event.cellCount; i++)
        {
            final int index = geometry.indexOf(event.cellModule[i]);
            if (index < 0)
            {
                throw new IllegalArgumentException("event " + event.eventId + ": a cell is on " +
                    org.jdpl.devices.reco.geometry.ModuleId.toString(event.cellModule[i]) + ", which the detector geometry does not have");
            }
            modules[i] = index;
        }
        return java.util.Arrays.stream(modules).sorted().distinct().toArray();
    }

    private void writeCells(final List<SourceEvent> events, final long[] ids, final int[] rows, final MemorySegment target)
    {
        cells.create(target, ids, rows);
        int row = 0;
        for (final SourceEvent event : events)
        {
            for (int i = 0; i < event.cellCount; i++, row++)
            {
                cells.setLong(Cells.HIT_ID, row, event.cellHitId[i]);
                cells.setInt(Cells.MODULE_ID, row, event.cellModule[i]);
                cells.setInt(Cells.CH0, row, event.cellCh0[i]);
                cells.setInt(Cells.CH1, row, event.cellCh1[i]);
                cells.setFloat(Cells.VALUE, row, event.cellValue[i]);
            }
        }
    }

    private void writeModules(final DetectorGeometry geometry, final int[][] indices, final long[] ids, final int[] rows,
        final MemorySegment target)
    {
        modules.create(target, ids, rows);
        int row = 0;
        for (final int[] eventModules : indices)
        {
            for (final int m : eventModules)
            {
                modules.setInt(Modules.MODULE_ID, row, geometry.moduleId(m));
                for (int axis = 0; axis < 3; axis++)
                {
                    modules.setFloat(Modules.CX + axis, row, geometry.centre(m, axis));
                    for (int local = 0; local < 3; local++)
                    {
                        modules.setFloat(Modules.ROT_XU + 3 * axis + local, row, geometry.rotation(m, axis, local));
                    }
                }
                modules.setFloat(Modules.HALF_U, row, geometry.halfU(m));
                modules.setFloat(Modules.HALF_V, row, geometry.halfV(m));
                modules.setFloat(Modules.PITCH_U, row, geometry.pitchU(m));
                modules.setFloat(Modules.PITCH_V, row, geometry.pitchV(m));
                row++;
            }
        }
    }

    private void writeHits(final List<SourceEvent> events, final long[] ids, final int[] rows, final MemorySegment target)
    {
        hits.create(target, ids, rows);
        int row = 0;
        for (final SourceEvent event : events)
        {
            for (int i = 0; i < event.hitCount; i++, row++)
            {
                hits.setLong(Spacepoints.HIT_ID, row, event.hitId[i]);
                hits.setFloat(Spacepoints.X, row, event.hitXyz[3 * i]);
                hits.setFloat(Spacepoints.Y, row, event.hitXyz[3 * i + 1]);
                hits.setFloat(Spacepoints.Z, row, event.hitXyz[3 * i + 2]);
                hits.setInt(Spacepoints.MODULE_ID, row, event.hitModule[i]);
            }
        }
    }

    /** The simulator lists no hit ids: its truth has a row for every hit, noise included. */
    private static int listedHits(final SourceEvent event)
    {
        return event.listedHitCount > 0 ? event.listedHitCount : event.truthCount;
    }

    private void writeHitIds(final List<SourceEvent> events, final long[] ids, final int[] rows, final MemorySegment target)
    {
        hitIds.create(target, ids, rows);
        int row = 0;
        for (final SourceEvent event : events)
        {
            final long[] listed = event.listedHitCount > 0 ? event.listedHitId : event.truthHitId;
            for (int i = 0; i < listedHits(event); i++, row++)
            {
                hitIds.setLong(HitIds.HIT_ID, row, listed[i]);
            }
        }
    }

    private void writeTruth(final List<SourceEvent> events, final long[] ids, final int[] rows, final MemorySegment target)
    {
        truth.create(target, ids, rows);
        int row = 0;
        for (final SourceEvent event : events)
        {
            for (int i = 0; i < event.truthCount; i++, row++)
            {
                truth.setLong(Truth.HIT_ID, row, event.truthHitId[i]);
                truth.setLong(Truth.PARTICLE_ID, row, event.truthParticleId[i]);
                truth.setFloat(Truth.WEIGHT, row, event.truthWeight[i]);
            }
        }
    }

    private void writeParticles(final List<SourceEvent> events, final long[] ids, final int[] rows, final MemorySegment target)
    {
        particles.create(target, ids, rows);
        int row = 0;
        for (final SourceEvent event : events)
        {
            for (int i = 0; i < event.particleCount; i++, row++)
            {
                particles.setLong(Particles.PARTICLE_ID, row, event.particleId[i]);
                for (int k = 0; k < 6; k++)
                {
                    particles.setFloat(Particles.VX + k, row, event.particleKinematics[6 * i + k]);
                }
                particles.setInt(Particles.CHARGE, row, event.particleCharge[i]);
                particles.setInt(Particles.NHITS, row, event.particleHits[i]);
            }
        }
    }

    private static long sum(final int[] values)
    {
        long total = 0;
        for (final int v : values)
        {
            total += v;
        }
        return total;
    }
}
