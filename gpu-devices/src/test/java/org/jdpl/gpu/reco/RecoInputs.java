package org.jdpl.gpu.reco;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.jdpl.devices.reco.event.SourceEvent;
import org.jdpl.devices.reco.event.SourceTimeframeWriter;
import org.jdpl.devices.reco.geometry.DetectorGeometry;
import org.jdpl.devices.reco.io.DetectorFile;
import org.jdpl.devices.reco.io.TrackmlEventFiles;
import org.jdpl.devices.reco.sim.EventSimulator;
import org.jdpl.devices.reco.sim.SimConfig;
import org.jdpl.gpu.SampleData;

/** Timeframes for the GPU reconstruction tests: simulated ones as trackml-simulator makes them, and the shared TrackML sample. */
record RecoInputs(List<List<SourceEvent>> timeframes, DetectorGeometry geometry)
{
    /** The simulator's defaults, as trackml-simulator runs them: timeframes 0, 1, 2 of two events. */
    static RecoInputs simulated()
    {
        final EventSimulator simulator = new EventSimulator(SimConfig.defaults());
        final List<List<SourceEvent>> timeframes = new ArrayList<>();
        for (int tf = 0; tf < 3; tf++)
        {
            final List<SourceEvent> events = new ArrayList<>();
            for (int e = 0; e < 2; e++)
            {
                events.add(simulator.simulate(2L * tf + e));
            }
            timeframes.add(events);
        }
        return new RecoInputs(timeframes, simulator.geometry());
    }

    /** One timeframe of one dense simulated event: {@code particles} charged particles. */
    static RecoInputs dense(final int particles)
    {
        final SimConfig d = SimConfig.defaults();
        final EventSimulator simulator = new EventSimulator(new SimConfig(particles, d.ptMin(), d.ptMax(), d.etaMax(), d.noiseFraction(),
            d.multipleScattering(), d.bFieldTesla(), d.seed()));
        return new RecoInputs(List.of(List.of(simulator.simulate(0))), simulator.geometry());
    }

    /** Every event of the repository's TrackML sample, in one timeframe. */
    static RecoInputs sample()
    {
        final Path directory = SampleData.directory();
        final TrackmlEventFiles files = TrackmlEventFiles.scan(directory);
        final List<SourceEvent> events = new ArrayList<>();
        for (final long id : files.eventIds())
        {
            events.add(files.read(id));
        }
        return new RecoInputs(List.of(events), DetectorFile.read(DetectorFile.find(directory)));
    }

    /** The source tables (cells, modules, hits, truth, ...) of timeframe {@code tf}, in {@code arena}. */
    Map<SourceTimeframeWriter.Kind, MemorySegment> tables(final Arena arena, final int tf)
    {
        final Map<SourceTimeframeWriter.Kind, MemorySegment> tables = new EnumMap<>(SourceTimeframeWriter.Kind.class);
        new SourceTimeframeWriter().write(timeframes.get(tf), geometry, (kind, size) ->
        {
            final MemorySegment table = arena.allocate(size, 8);
            tables.put(kind, table);
            return table;
        });
        return tables;
    }
}
