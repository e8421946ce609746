package org.jdpl.devices.reco.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

import org.jdpl.devices.reco.event.SourceEvent;
import org.jdpl.devices.reco.event.SourceTimeframeWriter;
import org.jdpl.devices.reco.event.SourceTimeframeWriter.Kind;
import org.jdpl.devices.reco.sim.EventSimulator;
import org.jdpl.devices.reco.sim.SimConfig;
import org.junit.jupiter.api.Test;

/**
 * Every table writer of the chain writes every byte it declares: output memory from {@code Outputs.make}
 * holds stale bytes of earlier messages, so the same timeframe written into memory that held zeros
 * and into memory that held garbage must give the same bytes. Two clusterizers fed the same timeframe
 * once disagreed on the alignment padding after a column, depending on which one reused a freed block.
 */
class TableWritersTest
{
    private static final byte STALE = (byte)0xA5;

    @Test
    void shouldWriteTheSameBytesWhateverTheOutputMemoryHeldBefore()
    {
        final EventSimulator simulator = new EventSimulator(SimConfig.defaults());
        final List<SourceEvent> events = new ArrayList<>();
        for (int e = 0; e < 3; e++)
        {
            events.add(simulator.simulate(e));
        }
        try (Arena arena = Arena.ofConfined())
        {
            final Map<String, MemorySegment> clean = writeChain(arena, events, simulator, (byte)0);
            final Map<String, MemorySegment> stale = writeChain(arena, events, simulator, STALE);
            assertEquals(clean.keySet(), stale.keySet());
            for (final String table : clean.keySet())
            {
                final MemorySegment expected = clean.get(table);
                final MemorySegment actual = stale.get(table);
                assertTrue(expected.byteSize() > 0, table + " is empty: the test would prove nothing");
                final long mismatch = expected.mismatch(actual);
                assertEquals(-1, mismatch, table + " (" + expected.byteSize() + " bytes) differs from byte " + mismatch +
                    " when written into memory that held 0x" + Integer.toHexString(STALE & 0xff) + ": a byte its writer never wrote");
            }
        }
    }

    /** The source tables and every step's output of one timeframe, written into memory filled with {@code fill} first. */
    private static Map<String, MemorySegment> writeChain(final Arena arena, final List<SourceEvent> events, final EventSimulator simulator,
        final byte fill)
    {
        final Map<String, MemorySegment> tables = new LinkedHashMap<>();
        final Map<Kind, MemorySegment> source = new EnumMap<>(Kind.class);
        new SourceTimeframeWriter().write(events, simulator.geometry(), (kind, size) ->
        {
            final MemorySegment memory = arena.allocate(size, 8).fill(fill);
            source.put(kind, memory);
            tables.put(kind.name(), memory);
            return memory;
        });
        final ReconstructionSteps steps = ReconstructionSteps.withDefaults(1e6);
        final MemorySegment[] out = new MemorySegment[1];
        final LongFunction<MemorySegment> allocate = size -> out[0] = arena.allocate(size, 8).fill(fill);
        steps.clusterize(source.get(Kind.CELLS), source.get(Kind.MODULES), source.get(Kind.HITS), allocate);
        final MemorySegment spacepoints = out[0];
        steps.seed(spacepoints, allocate);
        final MemorySegment seeds = out[0];
        steps.findTracks(spacepoints, seeds, allocate);
        final MemorySegment trackHits = out[0];
        steps.fitTracks(spacepoints, trackHits, allocate);
        tables.put("SPACEPOINTS", spacepoints);
        tables.put("SEEDS", seeds);
        tables.put("TRACK_HITS", trackHits);
        tables.put("TRACKS", out[0]);
        return tables;
    }
}
